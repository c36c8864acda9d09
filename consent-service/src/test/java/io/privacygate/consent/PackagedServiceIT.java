package io.privacygate.consent;

import io.privacygate.testing.HostileInputProbe;
import io.privacygate.testing.PackagedServiceChecks;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * The packaged service (the jar here; the native executable where GraalVM exists), run by failsafe with the same
 * real PostgreSQL and signed tokens as the {@code @QuarkusTest}s: it becomes ready, serves a complete OpenAPI
 * document, and guards a real endpoint.
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PackagedServiceIT extends PackagedServiceChecks {
    @Override
    protected String[] publicPathPrefixes() {
        return new String[]{"/api/v1/receipts/jwks"};
    }

    @Override
    protected HostileInputProbe configure(HostileInputProbe probe) {
        return probe.callerOf("/dsr/v1/", "dsr-service");
    }

    @Test
    void theRegisterOfPurposesIsForItsReaders() {
        given().get("/api/v1/purposes").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("crm-agent")).get("/api/v1/purposes").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("dpo")).get("/api/v1/purposes").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(0));
    }
}
