package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.ingestion.LinkedInApiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.LEADS;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.consentService;
import static io.privacygate.ingestion.Fixtures.crmAgent;
import static io.privacygate.ingestion.Fixtures.deliverLinkedIn;
import static io.privacygate.ingestion.Fixtures.dpo;
import static io.privacygate.ingestion.Fixtures.email;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.resolve;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 21, point 5: LinkedIn Lead Sync. A lead notification names a lead form response only; the answers and the
 * form's questions come from LinkedIn's API (here its stand-in), and the lead then follows the Meta lead's rule: resolve,
 * decide, keep what the purpose allows, encrypt, store. The consent checkboxes the member ticked become consent evidence
 * in consent-service, through the configured checkbox-to-purpose mapping.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class LinkedInLeadSyncTest {
    @Inject
    AgroalDataSource dataSource;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        ensurePurposes();
    }

    /** A lead notification as LinkedIn's Lead Sync documentation shows it: the response and form by URN. */
    static byte[] notification(String responseId) {
        return ("{\"type\":\"LEAD_ACTION\",\"leadGenFormResponse\":\"urn:li:leadGenFormResponse:" + responseId + "\","
                + "\"leadGenForm\":\"urn:li:versionedLeadGenForm:(urn:li:leadGenForm:" + LinkedInApiStub.FORM_ID + ",2)\","
                + "\"owner\":{\"sponsoredAccount\":\"urn:li:sponsoredAccount:520866471\"},\"leadAction\":\"CREATED\","
                + "\"leadType\":\"SPONSORED\",\"associatedEntity\":{\"associatedCreative\":\"urn:li:sponsoredCreative:6166\"},"
                + "\"occurredAt\":" + System.currentTimeMillis() + "}").getBytes(StandardCharsets.UTF_8);
    }

    static String responseId() {
        return UUID.randomUUID() + "-2";
    }

    private long interactions(UUID subjectId) {
        return db.count("select count(*) from interaction where subject_id = ?", subjectId);
    }

    private static List<Map<String, Object>> consentHistory(UUID subjectId) {
        return consentService(dpo()).get("/api/v1/subjects/" + subjectId + "/consents/history")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private List<String> audits(String action) {
        return db.rows("select payload from outbox_message where destination = 'audit' and strpos(payload, ?) > 0",
                "\"action\":\"" + action + "\"").stream().map(row -> (String) row.getFirst()).toList();
    }

    @Test
    void aTickedMappedCheckboxIsRecordedAsConsentAndTheLeadIsStoredEncrypted() {
        String leadEmail = email();
        String company = "Lumen " + UUID.randomUUID();
        String responseId = responseId();
        LinkedInApiStub.response(responseId, leadEmail, company, true, true);

        deliverLinkedIn(notification(responseId)).then().statusCode(200);

        UUID subject = resolve("email", leadEmail);
        Db.await("the LinkedIn lead of " + subject, Duration.ofSeconds(30), () -> interactions(subject) == 1);
        List<Map<String, Object>> history = consentHistory(subject);
        assertThat(history).hasSize(1); // checkbox 32 was ticked too, but it is mapped to no purpose
        assertThat(history.getFirst()).containsEntry("purpose", LEADS).containsEntry("state", "GRANTED");
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) history.getFirst().get("evidence");
        assertThat(evidence).containsEntry("source", "linkedin-lead-form").containsEntry("formId", LinkedInApiStub.FORM_ID)
                .containsKey("capturedAt");
        assertThat(db.holdsInClear(leadEmail)).isFalse();
        assertThat(db.holdsInClear(company)).isFalse();
        as(crmAgent()).header("X-Purpose", LEADS).get("/api/v1/contacts/" + subject)
                .then().statusCode(200)
                .body("fields.email", equalTo(leadEmail))
                .body("fields.name", equalTo("Lina Lead"));
        as(crmAgent()).header("X-Purpose", LEADS).get("/api/v1/contacts/" + subject + "/interactions")
                .then().statusCode(200)
                .body("items[0].kind", equalTo("LEAD_FORM"))
                .body("items[0].channel", equalTo("linkedin"))
                .body("items[0].answers.company", equalTo(company));
    }

    @Test
    void anUncheckedBoxRecordsNothingAndWithoutConsentNothingIsStored() {
        String leadEmail = email();
        String responseId = responseId();
        LinkedInApiStub.response(responseId, leadEmail, "Quiet GmbH", false, true);

        deliverLinkedIn(notification(responseId)).then().statusCode(200);

        db.awaitInboxEmpty();
        UUID subject = resolve("email", leadEmail);
        assertThat(consentHistory(subject)).isEmpty();
        assertThat(interactions(subject)).isZero();
        assertThat(db.holdsInClear(leadEmail)).isFalse();
    }

    @Test
    void aNotificationDeliveredTwiceIsProcessedOnce() {
        String leadEmail = email();
        String responseId = responseId();
        LinkedInApiStub.response(responseId, leadEmail, "Twice AG", true, false);
        int before = LinkedInApiStub.responseRequests();
        byte[] body = notification(responseId);

        deliverLinkedIn(body).then().statusCode(200);
        UUID subject = resolve("email", leadEmail);
        Db.await("the LinkedIn lead of " + subject, Duration.ofSeconds(30), () -> interactions(subject) == 1);
        deliverLinkedIn(body).then().statusCode(200);
        db.awaitInboxEmpty();

        assertThat(interactions(subject)).isEqualTo(1);
        assertThat(consentHistory(subject)).hasSize(1);
        assertThat(LinkedInApiStub.responseRequests() - before).isEqualTo(1);
    }

    @Test
    void aBadlySignedNotificationIs401AndNothingIsFetchedOrStored() {
        String leadEmail = email();
        String responseId = responseId();
        LinkedInApiStub.response(responseId, leadEmail, "Forged Ltd", true, true);
        int before = LinkedInApiStub.responseRequests();
        long inbox = db.count("select count(*) from inbox_delivery");

        given().contentType(ContentType.JSON).header("X-LI-Signature", "hmacsha256=" + "0".repeat(64))
                .body(notification(responseId)).post("/webhooks/linkedin")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:privacy-gate:problem:invalid-signature"));

        assertThat(db.count("select count(*) from inbox_delivery")).isLessThanOrEqualTo(inbox);
        assertThat(LinkedInApiStub.responseRequests()).isEqualTo(before);
        UUID subject = resolve("email", leadEmail);
        assertThat(interactions(subject)).isZero();
        assertThat(consentHistory(subject)).isEmpty();
    }

    @Test
    void aResponseLinkedInNoLongerHasIsSkippedLikeAGoneMetaLead() {
        long skippedBefore = audits("interaction.skipped").stream().filter(p -> p.contains("lead-unavailable")).count();

        deliverLinkedIn(notification(responseId())).then().statusCode(200);

        Db.await("the skip", Duration.ofSeconds(30),
                () -> audits("interaction.skipped").stream().filter(p -> p.contains("lead-unavailable")).count() > skippedBefore);
        db.awaitInboxEmpty();
    }
}
