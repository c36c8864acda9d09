package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.ingestion.service.webhook.MetaSignedRequest;
import io.privacygate.testing.DisabledIfPackaged;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.privacygate.ingestion.Fixtures.platformId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Meta's data deletion callback: a verified signed request is recorded and answered with a status URL
 * and a confirmation code; without dsr-service the erasure request waits, without loss.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class MetaDataDeletionResourceTest {
    @Inject
    AgroalDataSource dataSource;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
    }

    static String signedRequest(String secret, String userId) {
        return MetaSignedRequest.sign(secret, "{\"algorithm\":\"HMAC-SHA256\",\"expires\":1291840400,\"issued_at\":"
                + System.currentTimeMillis() / 1000 + ",\"user_id\":\"" + userId + "\"}");
    }

    @Test
    void aVerifiedCallbackIsAnsweredWithAStatusUrlAndItsCode() {
        String userId = platformId();
        String signed = signedRequest(IngestionTestProfile.META_SECRET, userId);
        String code = RestAssured.given().formParam("signed_request", signed).post("/webhooks/meta/data-deletion")
                .then().statusCode(200)
                .body("confirmation_code", matchesPattern("[0-9a-f]{24}"))
                .extract().path("confirmation_code");
        RestAssured.given().formParam("signed_request", signed).post("/webhooks/meta/data-deletion")
                .then().statusCode(200)
                .body("confirmation_code", equalTo(code))
                .body("url", equalTo("https://ingestion.example.org/webhooks/meta/data-deletion/" + code));

        RestAssured.given().accept("application/json").get("/webhooks/meta/data-deletion/" + code)
                .then().statusCode(200).body("status", anyOf(equalTo("received"), equalTo("in-progress")))
                .body("confirmationCode", equalTo(code));
        RestAssured.given().accept("text/html").get("/webhooks/meta/data-deletion/" + code)
                .then().statusCode(200).body(containsString("Status:")).body(containsString(code));
        assertThat(db.holdsInClear(userId)).isFalse();
    }

    @Test
    @DisabledIfPackaged("dsr-service")
    void whileDsrServiceCannotBeReachedTheRequestWaits() {
        String code = RestAssured.given().formParam("signed_request", signedRequest(IngestionTestProfile.META_SECRET, platformId()))
                .post("/webhooks/meta/data-deletion").then().statusCode(200).extract().path("confirmation_code");
        Db.await("a failed hand-over to dsr-service", Duration.ofSeconds(30),
                () -> db.count("select attempts from deletion_request where confirmation_code = ?", code) > 0);
        assertThat(db.single("select status from deletion_request where confirmation_code = ?", code)).isEqualTo("RECEIVED");
        RestAssured.given().accept("application/json").get("/webhooks/meta/data-deletion/" + code)
                .then().statusCode(200).body("status", equalTo("received"));
    }

    @Test
    void aCallbackSignedWithAnotherSecretIsUnauthorizedAndNothingIsStored() {
        long before = db.count("select count(*) from deletion_request");
        RestAssured.given().formParam("signed_request", signedRequest("not-the-app-secret", platformId()))
                .post("/webhooks/meta/data-deletion")
                .then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().formParam("signed_request", "garbage").post("/webhooks/meta/data-deletion").then().statusCode(401);
        RestAssured.given().contentType("application/x-www-form-urlencoded").post("/webhooks/meta/data-deletion").then().statusCode(401);
        assertThat(db.count("select count(*) from deletion_request")).isEqualTo(before);
    }

    @Test
    void anUnknownCodeIsNotFound() {
        RestAssured.given().accept("application/json").get("/webhooks/meta/data-deletion/0123456789abcdef01234567")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** A request as this service holds it once dsr-service answered: only the status page is under test here. */
    private String heldAs(String dsrStatus, String dsrOutcome) {
        String code = java.util.HexFormat.of().formatHex(java.util.UUID.randomUUID().toString().getBytes(), 0, 12);
        db.update("""
                insert into deletion_request (confirmation_code, digest, status, dsr_request_id, dsr_status, dsr_outcome, received_at,
                                              updated_at, next_attempt_at, attempts, channel)
                values (?, ?, 'VERIFIED', gen_random_uuid(), ?, ?, now() - interval '3 days', now(), now() + interval '1 day', 0,
                        'meta-data-deletion')""", code, "digest-" + code, dsrStatus, dsrOutcome);
        return code;
    }

    @Test
    void aRefusalIsExplainedInPlainLanguageWithTheRemediesAndNothingElse() {
        String unverified = heldAs("REJECTED", "CLOSED_UNVERIFIED");
        RestAssured.given().accept("application/json").get("/webhooks/meta/data-deletion/" + unverified)
                .then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("reason", containsString("could not be confirmed"))
                .body("reason", containsString("supervisory authority"))
                .body("keySet()", org.hamcrest.Matchers.containsInAnyOrder("confirmationCode", "status", "receivedAt", "updatedAt", "reason"));
        RestAssured.given().accept("text/html").get("/webhooks/meta/data-deletion/" + unverified)
                .then().statusCode(200).body(containsString("Why: The request was closed"));

        String refused = heldAs("REJECTED", "REFUSED");
        RestAssured.given().accept("application/json").get("/webhooks/meta/data-deletion/" + refused)
                .then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("reason", containsString("refused after review"))
                .body("reason", containsString("judicial remedy"));
    }

    @Test
    void aRequestNotRefusedGivesNoReason() {
        String inProgress = heldAs("IN_PROGRESS", null);
        RestAssured.given().accept("application/json").get("/webhooks/meta/data-deletion/" + inProgress)
                .then().statusCode(200).body("status", equalTo("in-progress")).body("reason", org.hamcrest.Matchers.nullValue());
        String completed = heldAs("COMPLETED", "FULFILLED");
        RestAssured.given().accept("text/html").get("/webhooks/meta/data-deletion/" + completed)
                .then().statusCode(200).body(containsString("completed")).body(org.hamcrest.Matchers.not(containsString("Why:")));
    }
}
