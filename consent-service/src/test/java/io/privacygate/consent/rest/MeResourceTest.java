package io.privacygate.consent.rest;

import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.crmAgent;
import static io.privacygate.consent.rest.Fixtures.expired;
import static org.hamcrest.Matchers.contains;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class MeResourceTest {

    @Nested
    class WithoutToken {
        @Test
        void isRejected() {
            anonymous().get("/api/v1/me").then().statusCode(401);
            as(expired()).get("/api/v1/me").then().statusCode(401);
            as("not.a.token").get("/api/v1/me").then().statusCode(401);
        }
    }

    @Nested
    class AsARoleWithNoBusinessHere {
        @Test
        void isForbidden() {
            as(crmAgent()).get("/api/v1/me").then().statusCode(403);
        }
    }

    @Nested
    class WithAKeycloakShapedToken {
        /** Keycloak puts realm roles in {@code realm_access.roles}, with no {@code groups} claim. */
        @Test
        void readsTheRealmRoles() {
            String token = Jwt.preferredUserName("service-account-ingestion-service")
                    .subject(UUID.randomUUID().toString())
                    .claim("azp", "ingestion-service")
                    .claim("realm_access", Map.of("roles", List.of("consent-reader", "offline_access")))
                    .audience("consent-service")
                    .issuer("https://server.example.com")
                    .expiresIn(600)
                    .jws().keyId("1")
                    .sign();
            as(token).get("/api/v1/me").then().statusCode(200).body("roles", contains("consent-reader", "offline_access"));
        }
    }

    @Nested
    class AsAnyConsentServiceRole {
        @Test
        void returnsTheRolesSorted() {
            as(TestTokens.user("privacy-operator", "dpo")).get("/api/v1/me").then().statusCode(200)
                    .body("roles", contains("dpo", "privacy-operator"));
            as(TestTokens.service("dsr-service", "dsr-executor")).get("/api/v1/me").then().statusCode(200)
                    .body("roles", contains("dsr-executor"));
        }
    }
}
