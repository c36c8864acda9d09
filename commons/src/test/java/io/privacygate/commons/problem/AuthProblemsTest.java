package io.privacygate.commons.problem;

import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Refusals are problems too, and keep the bearer challenge OAuth clients rely on (RFC 6750 §3). */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class AuthProblemsTest {

    @Test
    void aMissingTokenIsAProblemWithTheBearerChallenge() {
        given().get("/guarded")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:privacy-gate:problem:unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void anExpiredTokenIsRefusedWithTheBearerChallenge() {
        given().auth().oauth2(TestTokens.expired("dpo")).get("/guarded")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void aRoleThatIsNotGrantedIsAForbiddenProblem() {
        given().auth().oauth2(TestTokens.user("auditor")).get("/guarded")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:privacy-gate:problem:forbidden"))
                .body("detail", equalTo("Your roles do not allow this."));
    }
}
