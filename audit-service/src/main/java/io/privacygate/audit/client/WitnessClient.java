package io.privacygate.audit.client;

import io.privacygate.audit.config.AuditConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;

/**
 * Submits checkpoints to witnesses ({@code POST <prefix>/add-checkpoint}, c2sp.org/tlog-witness). Witnesses are outside
 * the suite and authenticate nothing but the checkpoint's signature, so no token is ever sent to them.
 */
@ApplicationScoped
public class WitnessClient {
    private final WebClient http;
    private final long timeoutMillis;

    WitnessClient(Vertx vertx, AuditConfig config) {
        this.http = WebClient.create(vertx);
        this.timeoutMillis = config.witnessPolicy().timeout().toMillis();
    }

    /** The witness's answer: its status and body (cosignature lines on 200, its latest size on 409). */
    public record Answer(int status, String body) {
    }

    public Uni<Answer> addCheckpoint(URI prefix, String body) {
        URI target = prefix.resolve(prefix.getPath().endsWith("/") ? "add-checkpoint" : prefix.getPath() + "/add-checkpoint");
        return http.postAbs(target.toString()).timeout(timeoutMillis)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .sendBuffer(Buffer.buffer(body))
                .map(response -> new Answer(response.statusCode(), response.bodyAsString() == null ? "" : response.bodyAsString()));
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
