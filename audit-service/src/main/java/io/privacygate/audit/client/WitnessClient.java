package io.privacygate.audit.client;

import io.privacygate.audit.config.AuditConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Submits checkpoints to witnesses ({@code POST <prefix>/add-checkpoint}, c2sp.org/tlog-witness). Witnesses are outside
 * the suite and authenticate nothing but the checkpoint's signature, so no token is ever sent to them. Their prefixes
 * are a configured map, so one {@link WitnessApi} client is built per prefix rather than registered under a config key.
 */
@ApplicationScoped
public class WitnessClient {
    private final long timeoutMillis;
    private final Map<URI, WitnessApi> clients = new ConcurrentHashMap<>();

    WitnessClient(AuditConfig config) {
        this.timeoutMillis = config.witnessPolicy().timeout().toMillis();
    }

    /** The witness's answer: its status and body (cosignature lines on 200, its latest size on 409). */
    public record Answer(int status, String body) {
    }

    public Uni<Answer> addCheckpoint(URI prefix, String body) {
        return clients.computeIfAbsent(prefix, this::client).addCheckpoint(body)
                .map(response -> {
                    String text = response.hasEntity() ? response.readEntity(String.class) : null;
                    return new Answer(response.getStatus(), text == null ? "" : text);
                });
    }

    /** A refusal (409 with the witness's size, say) is an answer to read, not a failure, hence no default mapper. */
    private WitnessApi client(URI prefix) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(prefix)
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(WitnessApi.class);
    }
}
