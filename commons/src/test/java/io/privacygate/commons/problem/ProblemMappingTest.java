package io.privacygate.commons.problem;

import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.testing.LogCapture;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class ProblemMappingTest {

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType("application/json").body("{\"name\": ").post("/probe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:privacy-gate:problem:malformed-body"))
                .body("status", equalTo(400));
    }

    @Test
    void aWrongTypeNamesTheField() {
        given().contentType("application/json").body("{\"name\":\"n\",\"tags\":{\"a\":1}}").post("/probe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("tags"));
    }

    @Test
    void validationNamesEachFieldWithoutEchoingValues() {
        given().contentType("application/json").body("{\"name\":\"\",\"email\":\"secret-address\",\"tags\":[\"a\",\"\"]}").post("/probe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:privacy-gate:problem:validation"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("tags[1]"))
                .body(not(containsString("secret-address")));
    }

    @Test
    void aFieldInsideAListIsNamedWithItsIndex() {
        given().contentType("application/json").body("{\"name\":\"n\",\"items\":[{\"channel\":\"a\"},{\"channel\":\"\"}]}")
                .post("/probe")
                .then().statusCode(400).body("errors.field", hasItem("items[1].channel"));
    }

    @Test
    void anOversizedBodyIsA413ProblemBeforeItIsRead() {
        String big = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        given().contentType("application/json").body(big).post("/probe")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:privacy-gate:problem:payload-too-large"));
    }

    @Test
    void anUnexpectedFailureShowsNoClassNameStackTraceOrData() {
        given().contentType("application/json").body("{\"name\":\"n\",\"email\":\"bob@example.org\"}").post("/probe/fail")
                .then().statusCode(500).contentType("application/problem+json")
                .body("detail", containsString("Error id"))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("bob@example.org")))
                .body(not(containsString("at io.")));
    }

    @Test
    void theLogOfAnUnexpectedFailureHoldsNoRequestData() {
        try (LogCapture log = LogCapture.start()) {
            given().contentType("application/json").body("{\"name\":\"n\",\"email\":\"carol@example.org\"}").post("/probe/fail")
                    .then().statusCode(500);
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("Unexpected failure").contains("IllegalStateException"));
            assertThat(log.contains("carol@example.org")).isFalse();
        }
    }

    @Test
    void anUnknownPathIsA404Problem() {
        given().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aWrongContentTypeIsA415Problem() {
        given().contentType("text/plain").body("hello").post("/probe")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aMethodTheResourceDoesNotSupportIsA405Problem() {
        given().delete("/probe")
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("urn:privacy-gate:problem:method-not-allowed"));
    }

    @Test
    void aMediaTypeTheResourceCannotProduceIsA406Problem() {
        given().accept("application/json").get("/lookup/k")
                .then().statusCode(406).contentType("application/problem+json")
                .body("type", equalTo("urn:privacy-gate:problem:not-acceptable"));
    }
}
