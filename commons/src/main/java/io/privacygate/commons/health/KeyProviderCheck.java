package io.privacygate.commons.health;

import io.privacygate.commons.crypto.KeyProvider;
import io.privacygate.commons.crypto.KeysConfig;
import io.privacygate.commons.crypto.WrappingKey;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ready only while the key provider answers a real call: the newest version of the subject KEK, which every
 * service's Vault policy may read ({@code transit/keys/<service>-subject-kek}) and which needs no key material. A
 * service that cannot have a key fails closed with 503 (DESIGN §3), so it should take no traffic. The local
 * provider holds its keyring in memory from start, so it stays up for as long as the service does. The answer is
 * reused for {@code privacy-gate.keys.readiness-cache}, so that probes do not hammer Vault.
 */
@Readiness
@ApplicationScoped
public class KeyProviderCheck implements AsyncHealthCheck {
    static final String NAME = "key-provider";

    private record Probe(Instant at, boolean up) {
    }

    private final KeyProvider keys;
    private final KeysConfig config;
    private final AtomicReference<Probe> last = new AtomicReference<>();

    KeyProviderCheck(KeyProvider keys, KeysConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Probe cached = last.get();
        Uni<Boolean> up = cached != null && cached.at().plus(config.readinessCache()).isAfter(Instant.now())
                ? Uni.createFrom().item(cached.up())
                : probe();
        return up.map(ok -> HealthCheckResponse.named(NAME).status(ok)
                .withData("provider", config.provider().name().toLowerCase(Locale.ROOT)).build());
    }

    private Uni<Boolean> probe() {
        return keys.currentPrefix(WrappingKey.SUBJECT_KEK)
                .map(prefix -> true)
                .onFailure().recoverWithItem(false)
                .invoke(ok -> last.set(new Probe(Instant.now(), ok)));
    }
}
