package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.ingestion.service.webhook.LinkedInSignature;
import io.privacygate.ingestion.service.webhook.MetaSignature;
import io.privacygate.ingestion.service.webhook.XSignature;
import io.privacygate.testing.LogCapture;
import io.privacygate.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Correctly signed deliveries that are not payloads this service understands: a clear problem+json that
 * names no content, and nothing stored.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class BadInputTest {
    @Inject
    AgroalDataSource dataSource;
    Db db;
    Timestamp before;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        before = Timestamp.from(Instant.now());
    }

    private static io.restassured.response.Response meta(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RestAssured.given().contentType(ContentType.JSON)
                .header("X-Hub-Signature-256", MetaSignature.sign(IngestionTestProfile.META_SECRET, bytes))
                .body(bytes).post("/webhooks/meta");
    }

    private long deliveriesSinceStart() {
        return db.count("select count(*) from inbox_delivery where received_at >= ?", before);
    }

    @Test
    void malformedJsonIsABadRequestThatQuotesNothing() {
        try (LogCapture log = LogCapture.start()) {
            meta("{\"object\":\"page\",\"entry\":[{\"id\":\"secret-page-content-xyz\"").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:malformed-body"))
                    .body(not(containsString("secret-page-content-xyz")));
            assertThat(log.contains("secret-page-content-xyz")).isFalse();
        }
        assertThat(deliveriesSinceStart()).isZero();
    }

    @Test
    void anUnknownObjectTypeIsABadRequestNamingTheField() {
        meta("{\"object\":\"whatsapp_business_account\",\"entry\":[]}").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:privacy-gate:problem:validation"))
                .body("errors[0].field", equalTo("object"));
        meta("[1,2,3]").then().statusCode(400).body("errors[0].field", equalTo("body"));
        meta("{\"object\":\"page\",\"entry\":{}}").then().statusCode(400).body("errors[0].field", equalTo("entry"));
        assertThat(deliveriesSinceStart()).isZero();
    }

    @Test
    void otherPlatformsShapesAreCheckedToo() {
        byte[] linkedIn = "{\"type\":\"MEMBER_ACTIVITY\",\"leadGenFormResponse\":\"urn:li:leadGenFormResponse:1\"}".getBytes(StandardCharsets.UTF_8);
        RestAssured.given().contentType(ContentType.JSON)
                .header("X-LI-Signature", LinkedInSignature.sign(IngestionTestProfile.LINKEDIN_SECRET, linkedIn))
                .body(linkedIn).post("/webhooks/linkedin").then().statusCode(400).body("errors[0].field", equalTo("type"));
        byte[] x = "{\"tweet_create_events\":[]}".getBytes(StandardCharsets.UTF_8);
        RestAssured.given().contentType(ContentType.JSON)
                .header("x-twitter-webhooks-signature", XSignature.sign(IngestionTestProfile.X_SECRET, x))
                .body(x).post("/webhooks/x").then().statusCode(400).body("errors[0].field", equalTo("for_user_id"));
        assertThat(deliveriesSinceStart()).isZero();
    }

    @Test
    void theBenchmarksCeilingEndpointIsNotInTheBuild() {
        // not merely switched off: no route exists (a route with only POST would answer GET with 405)
        RestAssured.given().contentType(ContentType.JSON).body("{}").post("/bench/ceiling").then().statusCode(404);
        RestAssured.given().get("/bench/ceiling").then().statusCode(404);
    }

    @Test
    void anOversizedDeliveryIsRefusedBeforeItIsRead() {
        String big = "{\"object\":\"page\",\"entry\":[],\"padding\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        meta(big).then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:privacy-gate:problem:payload-too-large"));
        assertThat(deliveriesSinceStart()).isZero();
    }

    @Test
    void aDeletionCallbackFormFieldPastTheFormLimitIsA413ProblemNotAServerError() {
        // sent in chunks: RESTEasy Reactive's form parser then refuses it as the body streams in, where no exception
        // mapper sees the refusal (it was a 500)
        byte[] nested = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.to(URI.create("http://localhost:" + RestAssured.port)).send("POST",
                "/webhooks/meta/data-deletion", Map.of("Content-Type", "application/x-www-form-urlencoded"), nested, 1024);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("urn:privacy-gate:problem:payload-too-large").doesNotContain("[[[[");
    }
}
