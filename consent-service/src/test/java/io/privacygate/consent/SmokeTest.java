package io.privacygate.consent;

import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SmokeTest {
    @Test
    void healthy() {
        given().get("/q/health/ready").then().statusCode(200);
        given().auth().oauth2(TestTokens.user("dpo")).get("/api/v1/nothing").then().statusCode(404);
    }
}
