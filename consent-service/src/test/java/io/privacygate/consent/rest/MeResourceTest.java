package io.privacygate.consent.rest;

import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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
