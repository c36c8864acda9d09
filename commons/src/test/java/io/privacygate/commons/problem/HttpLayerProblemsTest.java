package io.privacygate.commons.problem;

import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Requests that are refused before any resource runs (too long, too many header bytes, too large, a NUL byte, an
 * overflowing page) are problems like every other refusal (RFC 9457), and none of them reaches a 5xx.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class HttpLayerProblemsTest {

    @Test
    void aNulByteInAPathValueIsA400ProblemNotADatabaseFailure() {
        given().urlEncodingEnabled(false).get("/lookup/a%00b")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:privacy-gate:problem:validation"));
    }

    @Test
    void aNulByteInAQueryValueIsA400Problem() {
        given().urlEncodingEnabled(false).get("/lookup?page=%00")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:privacy-gate:problem:validation"));
    }

    @Test
    void aTooLongUriIsA414Problem() {
        given().get("/lookup/" + "k".repeat(6000))
                .then().statusCode(414).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:privacy-gate:problem:uri-too-long"))
                .body(not(containsString("kkkk")));
    }

    @Test
    void tooManyHeaderBytesAreA431Problem() {
        given().header("X-Filler", "h".repeat(24 * 1024)).get("/lookup/k")
                .then().statusCode(431).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:privacy-gate:problem:header-fields-too-large"))
                .body(not(containsString("hhhh")));
    }

    @Test
    void aPageWhoseOffsetOverflowsIsA400Problem() {
        given().queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get("/lookup")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:privacy-gate:problem:validation"))
                .body("errors.field", hasItem("page"));
    }

    @Test
    void aChunkedBodyIsCountedAsItArrivesAndRefusedOverTheLimit() {
        byte[] big = ("{\"name\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = raw().send("POST", "/probe", Map.of("Content-Type", "application/json"), big, 8 * 1024);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.body()).contains("urn:privacy-gate:problem:payload-too-large");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() {
        byte[] small = "{\"name\":\"n\"}".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = raw().send("POST", "/probe", Map.of("Content-Type", "application/json"), small, 4);
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void aBodyDeclaredOverTheServersOwnBackstopIsStillAProblem() {
        // Only the headers are sent: the answer must come from the declared length alone.
        RawHttp.Answer answer = raw().send("POST", "/probe",
                Map.of("Content-Type", "application/json", "Content-Length", String.valueOf(11 * 1024 * 1024)), null, 0);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.body()).contains("urn:privacy-gate:problem:payload-too-large");
    }

    @Test
    void aFormFieldPastTheFormLimitIsA413ProblemNotAServerError() {
        given().contentType("application/x-www-form-urlencoded").body("field=" + "f".repeat(64 * 1024)).post("/probe/form")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:privacy-gate:problem:payload-too-large"))
                .body(not(containsString("ffff")));
    }

    private static RawHttp raw() {
        return RawHttp.to(URI.create("http://localhost:" + RestAssured.port));
    }
}
