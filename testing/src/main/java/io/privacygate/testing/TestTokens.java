package io.privacygate.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Real RS256 tokens signed with the key of {@code OidcWiremockTestResource}, shaped like Keycloak's:
 * roles in {@code groups}, a subject id, for service accounts {@code azp} and the
 * {@code service-account-<client>} user name, and in {@code aud} the services the token is meant for, as the
 * realm's audience mappers put them (deploy/keycloak/privacy-gate-realm.json).
 */
public final class TestTokens {
    private static final String ISSUER = "https://server.example.com";

    /** Every service of the suite: a person's token (operator-console) names them all. */
    public static final List<String> ALL_SERVICES = List.of("consent-service", "ingestion-service", "dsr-service", "audit-service");

    /**
     * The services each realm client calls, hence names in its tokens' {@code aud}: the same map as the realm's
     * {@code oidc-audience-mapper}s. audit-service calls nobody.
     */
    public static final Map<String, List<String>> CALLS = Map.of(
            "consent-service", List.of("ingestion-service", "dsr-service", "audit-service"),
            "ingestion-service", List.of("consent-service", "dsr-service", "audit-service"),
            "dsr-service", List.of("consent-service", "ingestion-service", "audit-service"),
            "audit-service", List.of(),
            "operator-console", ALL_SERVICES);

    private TestTokens() {
    }

    /** A person's token (DPO, operator, auditor, agent) holding the given realm roles, meant for all four services. */
    public static String user(String... roles) {
        return audience(Jwt.preferredUserName("demo-user")
                .subject(UUID.nameUUIDFromBytes(String.join(",", roles).getBytes()).toString())
                .groups(Set.of(roles))
                .issuer(ISSUER)
                .expiresIn(600), ALL_SERVICES)
                .jws().keyId("1")
                .sign();
    }

    /**
     * A service account's client-credentials token, meant for the services that client calls ({@link #CALLS});
     * a client the realm does not have gets no {@code aud} at all.
     */
    public static String service(String clientId, String... roles) {
        return serviceFor(CALLS.getOrDefault(clientId, List.of()), clientId, roles);
    }

    /**
     * A service account's token whose {@code aud} is exactly {@code audience} (no {@code aud} claim when empty),
     * for showing that a token is refused where it was not meant to go, whatever roles it holds.
     */
    public static String serviceFor(List<String> audience, String clientId, String... roles) {
        return audience(Jwt.preferredUserName("service-account-" + clientId)
                .subject(UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
                .claim("azp", clientId)
                .groups(Set.of(roles))
                .issuer(ISSUER)
                .expiresIn(600), audience)
                .jws().keyId("1")
                .sign();
    }

    /** A well-signed token, meant for all four services, that expired an hour ago. */
    public static String expired(String... roles) {
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        return audience(Jwt.preferredUserName("demo-user")
                .subject(UUID.randomUUID().toString())
                .groups(Set.of(roles))
                .issuer(ISSUER)
                .issuedAt(anHourAgo.minusSeconds(600))
                .expiresAt(anHourAgo), ALL_SERVICES)
                .jws().keyId("1")
                .sign();
    }

    private static JwtClaimsBuilder audience(JwtClaimsBuilder claims, List<String> audience) {
        return audience.isEmpty() ? claims : claims.audience(Set.copyOf(audience));
    }
}
