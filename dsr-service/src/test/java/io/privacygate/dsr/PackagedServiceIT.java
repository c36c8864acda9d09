package io.privacygate.dsr;

import io.privacygate.testing.HostileInputProbe;
import io.privacygate.testing.OpenApiContract;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;

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
class PackagedServiceIT {
    private static final Logger LOG = Logger.getLogger(PackagedServiceIT.class);

    @BeforeAll
    static void signWithTheTestServersKey() {
        // TestTokens signs with the OIDC test server's key, which a @QuarkusTest learns from that resource's config.
        System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
    }

    @Test
    void isReady() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void servesACompleteOpenApiDocument() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiContract.assertComplete(document);
    }

    @Test
    void theRequestQueueIsForOperatorsOnly() {
        given().get("/api/v1/requests").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("crm-agent")).get("/api/v1/requests").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("privacy-operator")).get("/api/v1/requests").then().statusCode(200)
                .body("items", notNullValue());
    }

    /** Issue #18: hostile input in every documented operation never reaches a 5xx, a stack trace or an echo. */
    @Test
    void hostileInputGetsProblemsNeverServerErrors() {
        HostileInputProbe.Report report = HostileInputProbe.against(URI.create(RestAssured.baseURI + ":" + RestAssured.port))
                .run();
        LOG.info(report);
        report.assertClean();
    }
}
