package io.privacygate.dsr;

import io.privacygate.testing.PackagedServiceChecks;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The packaged service (the jar here; the native executable where GraalVM exists), run by failsafe with the same
 * real PostgreSQL and signed tokens as the {@code @QuarkusTest}s: it becomes ready, serves a complete OpenAPI
 * document, and guards a real endpoint.
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PackagedServiceIT extends PackagedServiceChecks {
    @BeforeAll
    static void signWithTheTestServersKey() {
        // TestTokens signs with the OIDC test server's key, which a @QuarkusTest learns from that resource's config.
        System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
    }

    @Test
    void theRequestQueueIsForOperatorsOnly() {
        given().get("/api/v1/requests").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("crm-agent")).get("/api/v1/requests").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("privacy-operator")).get("/api/v1/requests").then().statusCode(200)
                .body("items", notNullValue());
    }
}
