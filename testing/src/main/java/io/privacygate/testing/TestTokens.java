package io.privacygate.testing;

import io.smallrye.jwt.build.Jwt;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Real RS256 tokens signed with the key of {@code OidcWiremockTestResource}, shaped like Keycloak's:
 * roles in {@code groups}, a subject id, and for service accounts {@code azp} and the
 * {@code service-account-<client>} user name.
 */
public final class TestTokens {
    private static final String ISSUER = "https://server.example.com";

    private TestTokens() {
    }

    /** A person's token (DPO, operator, auditor, agent) holding the given realm roles. */
    public static String user(String... roles) {
        return Jwt.preferredUserName("demo-user")
                .subject(UUID.nameUUIDFromBytes(String.join(",", roles).getBytes()).toString())
                .groups(Set.of(roles))
                .issuer(ISSUER)
                .expiresIn(600)
                .jws().keyId("1")
                .sign();
    }

    /** A service account's client-credentials token. */
    public static String service(String clientId, String... roles) {
        return Jwt.preferredUserName("service-account-" + clientId)
                .subject(UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
                .claim("azp", clientId)
                .groups(Set.of(roles))
                .issuer(ISSUER)
                .expiresIn(600)
                .jws().keyId("1")
                .sign();
    }

    /** A well-signed token that expired an hour ago. */
    public static String expired(String... roles) {
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        return Jwt.preferredUserName("demo-user")
                .subject(UUID.randomUUID().toString())
                .groups(Set.of(roles))
                .issuer(ISSUER)
                .issuedAt(anHourAgo.minusSeconds(600))
                .expiresAt(anHourAgo)
                .jws().keyId("1")
                .sign();
    }
}
