package io.privacygate.testing;

import io.restassured.RestAssured;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static io.restassured.RestAssured.given;

/**
 * What every packaged service must do, run by each service's {@code @QuarkusIntegrationTest}: become ready, serve a
 * complete OpenAPI document, and answer hostile input in every documented operation with a problem, never a 5xx, a
 * stack trace or an echo (issue #18). A service's test adds the checks of its own endpoints.
 */
public abstract class PackagedServiceChecks {
    private static final Logger LOG = Logger.getLogger(PackagedServiceChecks.class);

    /** The path prefixes the service serves on purpose without authentication (see {@link OpenApiContract}): none by default. */
    protected String[] publicPathPrefixes() {
        return new String[0];
    }

    /** The probe as this service needs it: the callers its internal endpoints expect, the signers of its webhooks. */
    protected HostileInputProbe configure(HostileInputProbe probe) {
        return probe;
    }

    @Test
    public void isReady() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    public void servesACompleteOpenApiDocument() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiContract.assertComplete(document, publicPathPrefixes());
    }

    @Test
    public void hostileInputGetsProblemsNeverServerErrors() {
        HostileInputProbe.Report report = configure(HostileInputProbe.against(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port))).run();
        LOG.info(report);
        report.assertClean();
    }
}
