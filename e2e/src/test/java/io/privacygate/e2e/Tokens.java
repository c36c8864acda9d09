package io.privacygate.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Keycloak tokens for a load that runs longer than a token lives: each is fetched again after a minute. */
final class Tokens {
    private static final Duration REFRESH = Duration.ofSeconds(60);

    private record Held(String token, Instant fetchedAt) {
    }

    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();

    String service(String clientId) {
        return get("service:" + clientId, () -> Keycloak.service(clientId));
    }

    String user(String username) {
        return get("user:" + username, () -> Keycloak.user(username));
    }

    private String get(String key, Supplier<String> fetch) {
        return held.compute(key, (k, current) -> current != null && current.fetchedAt.plus(REFRESH).isAfter(Instant.now())
                ? current : new Held(fetch.get(), Instant.now())).token;
    }
}
