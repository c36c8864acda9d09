package io.privacygate.ingestion.service;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.GraphApiStub;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.ingestion.TestPayloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.LEADS;
import static io.privacygate.ingestion.Fixtures.SUPPORT;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.consent;
import static io.privacygate.ingestion.Fixtures.crmAgent;
import static io.privacygate.ingestion.Fixtures.deliverLinkedIn;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.deliverX;
import static io.privacygate.ingestion.Fixtures.email;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.metaLeadgen;
import static io.privacygate.ingestion.Fixtures.metaMessage;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The rule for every event, end to end against the real consent-service: resolve, decide, keep what the
 * purpose allows, encrypt, store, audit; or drop the content and audit only the subject and the reason.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class ProcessingTest {
    static final String PAGE = "1234567890";

    @Inject
    AgroalDataSource dataSource;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        ensurePurposes();
    }

    private long interactions(UUID subjectId) {
        return db.count("select count(*) from interaction where subject_id = ?", subjectId);
    }

    private List<String> auditPayloads(UUID subjectId) {
        return db.rows("select payload from outbox_message where destination = 'audit' and strpos(payload, ?) > 0",
                subjectId.toString()).stream().map(row -> (String) row.getFirst()).toList();
    }

    private void awaitAudit(UUID subjectId, String action) {
        Db.await(action + " of " + subjectId, Duration.ofSeconds(30),
                () -> auditPayloads(subjectId).stream().anyMatch(p -> p.contains("\"action\":\"" + action + "\"")));
    }

    @Test
    void aCommentWithConsentIsStoredEncryptedAndReadableForItsPurpose() {
        String user = platformId();
        UUID subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        String text = "Très bien, café offert " + UUID.randomUUID();
        deliverMeta(metaComment(PAGE, user, "Zoë Ångström", text, platformId())).then().statusCode(200);

        awaitAudit(subject, "interaction.stored");
        assertThat(interactions(subject)).isEqualTo(1);
        assertThat(db.holdsInClear(text)).isFalse();
        assertThat(db.holdsInClear("Zoë Ångström")).isFalse();
        assertThat(db.holdsInClear(user)).isFalse();

        as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject + "/interactions")
                .then().statusCode(200)
                .body("items[0].text", equalTo(text))
                .body("items[0].channel", equalTo("facebook"))
                .body("items[0].kind", equalTo("COMMENT"));
        as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject)
                .then().statusCode(200).body("fields.name", equalTo("Zoë Ångström"));
    }

    @Test
    void withoutConsentTheContentIsDroppedAndOnlyTheSubjectAndReasonAudited() {
        String user = platformId();
        UUID subject = resolve("facebook", user);
        String text = "Nobody asked me " + UUID.randomUUID();
        deliverMeta(metaComment(PAGE, user, "Nina Nobody", text, platformId())).then().statusCode(200);

        awaitAudit(subject, "interaction.denied");
        assertThat(interactions(subject)).isZero();
        assertThat(db.holdsInClear(text)).isFalse();
        String denied = auditPayloads(subject).stream().filter(p -> p.contains("interaction.denied")).findFirst().orElseThrow();
        assertThat(denied).contains("NO_CONSENT").doesNotContain("Nina").doesNotContain(user);
    }

    @Test
    void afterAWithdrawalNewContentIsDropped() {
        String user = platformId();
        UUID subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        consent(subject, ENGAGEMENT, "WITHDRAWN");
        deliverMeta(metaComment(PAGE, user, "Wanda Withdrawn", "changed my mind", platformId())).then().statusCode(200);

        awaitAudit(subject, "interaction.denied");
        assertThat(interactions(subject)).isZero();
        assertThat(auditPayloads(subject)).anyMatch(p -> p.contains("CONSENT_WITHDRAWN"));
    }

    @Test
    void aReplayedDeliveryAndTheSameEventInAnotherDeliveryAreProcessedOnce() {
        String user = platformId();
        UUID subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        String commentId = platformId();
        String delivery = metaComment(PAGE, user, "Rita Replay", "once only", commentId);
        deliverMeta(delivery).then().statusCode(200);
        deliverMeta(delivery).then().statusCode(200);
        awaitAudit(subject, "interaction.stored");
        db.awaitInboxEmpty();
        deliverMeta(delivery).then().statusCode(200);
        deliverMeta(delivery.replace("\"verb\":\"add\"", "\"verb\":\"add\",\"is_hidden\":false")).then().statusCode(200);
        db.awaitInboxEmpty();

        assertThat(interactions(subject)).isEqualTo(1);
        assertThat(auditPayloads(subject).stream().filter(p -> p.contains("interaction.stored"))).hasSize(1);
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("ingestion_deliveries_total{platform=\"meta\",result=\"replayed\"}"))
                .body(containsString("ingestion_events_total{outcome=\"duplicate\"}"));
    }

    @Test
    void aDirectMessageIsStoredForCustomerSupportOnItsLegitimateInterest() {
        String user = platformId();
        UUID subject = resolve("facebook", user);
        deliverMeta(metaMessage(PAGE, user, "Wo ist mein Paket? Überfällig.", "m_" + platformId())).then().statusCode(200);

        awaitAudit(subject, "interaction.stored");
        assertThat(db.single("select purpose || '/' || legal_basis || '/' || channel from interaction where subject_id = ?", subject))
                .isEqualTo(SUPPORT + "/LEGITIMATE_INTERESTS/messenger");
    }

    @Test
    void aLeadsAnswersComeFromTheGraphApiAndItsEmailAndPhoneAreLinked() {
        String leadId = platformId();
        String leadEmail = email();
        UUID subject = resolve(Map.of("type", "email", "value", leadEmail));
        grant(subject, LEADS);
        GraphApiStub.lead(leadId, "[{\"name\":\"email\",\"values\":[\"" + leadEmail + "\"]},"
                + "{\"name\":\"full_name\",\"values\":[\"Léa Lead\"]},{\"name\":\"phone_number\",\"values\":[\"+33612345678\"]},"
                + "{\"name\":\"preferred_store\",\"values\":[\"Lyon\"]}]");
        deliverMeta(metaLeadgen(PAGE, leadId)).then().statusCode(200);

        awaitAudit(subject, "interaction.stored");
        assertThat(resolve("phone", "+33612345678")).isEqualTo(subject);
        as(crmAgent()).header("X-Purpose", LEADS).get("/api/v1/contacts/" + subject)
                .then().statusCode(200)
                .body("fields.email", equalTo(leadEmail))
                .body("fields.name", equalTo("Léa Lead"))
                .body("fields.phone", equalTo("+33612345678"));
        as(crmAgent()).header("X-Purpose", LEADS).get("/api/v1/contacts/" + subject + "/interactions")
                .then().statusCode(200)
                .body("items[0].kind", equalTo("LEAD_FORM"))
                .body("items[0].answers.preferred_store", equalTo("Lyon"))
                .body("items[0].context.form_id", equalTo("444444444444"));
        assertThat(db.holdsInClear(leadEmail)).isFalse();
    }

    @Test
    void aLeadTheGraphApiDoesNotKnowIsSkipped() {
        int before = GraphApiStub.requests();
        deliverMeta(metaLeadgen(PAGE, platformId())).then().statusCode(200);
        db.awaitInboxEmpty();
        assertThat(GraphApiStub.requests()).isGreaterThan(before);
    }

    @Test
    void onlyTheCategoriesOfThePurposeAreKept() {
        String user = platformId();
        UUID subject = resolve("instagram", "9003003" + user);
        grant(subject, ENGAGEMENT);
        long now = System.currentTimeMillis();
        String body = TestPayloads.text("meta-instagram.json").replace("9003003", "9003003" + user)
                .replace("18000000000000999", platformId()).replace("aWdfZAG1faWQ", "mid" + platformId())
                .replace("1712345800", String.valueOf(now / 1000)).replace("1712345801000", String.valueOf(now));
        deliverMeta(body).then().statusCode(200);

        Db.await("both instagram events", Duration.ofSeconds(30), () -> interactions(subject) == 2);
        assertThat(db.rows("select purpose, categories from interaction where subject_id = ? order by purpose", subject))
                .containsExactly(List.of(SUPPORT, "message-content"), List.of(ENGAGEMENT, "message-content,name"));
        as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject)
                .then().statusCode(200).body("fields.handle", equalTo("jo.nordlys"));
    }

    @Test
    void anEventAlreadyPastItsPurposesRetentionIsNotStored() {
        String user = platformId();
        UUID subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        String twoYearsAgo = String.valueOf(System.currentTimeMillis() / 1000 - 2 * 366 * 24 * 3600);
        String old = metaComment(PAGE, user, "Olaf Old", "from long ago", platformId())
                .replaceAll("\"created_time\":\\d+", "\"created_time\":" + twoYearsAgo);
        deliverMeta(old).then().statusCode(200);

        awaitAudit(subject, "interaction.skipped");
        assertThat(auditPayloads(subject)).anyMatch(p -> p.contains("past-retention"));
        assertThat(interactions(subject)).isZero();
    }

    @Test
    void linkedInAndXEventsFollowTheSameRule() {
        String member = "urn:li:person:m" + platformId();
        UUID linkedInSubject = resolve("linkedin", member);
        grant(linkedInSubject, ENGAGEMENT);
        String now = String.valueOf(System.currentTimeMillis());
        String notification = TestPayloads.text("linkedin-social-actions.json").replace("urn:li:person:memberBBB", member)
                .replace("81234001", platformId()).replace("1712346000000", now);
        deliverLinkedIn(notification.getBytes(StandardCharsets.UTF_8)).then().statusCode(200);

        String xUser = platformId();
        UUID xSubject = resolve("x", xUser);
        String message = TestPayloads.text("x-direct-message.json").replace("3003003003", xUser)
                .replace("1776300000000000100", platformId()).replace("1775413300000", now);
        deliverX(message.getBytes(StandardCharsets.UTF_8)).then().statusCode(200);

        awaitAudit(linkedInSubject, "interaction.stored");
        awaitAudit(xSubject, "interaction.stored");
        as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + linkedInSubject + "/interactions")
                .then().statusCode(200).body("items.text", hasItem("Gratulacje dla całego zespołu!"));
        as(crmAgent()).header("X-Purpose", SUPPORT).get("/api/v1/contacts/" + xSubject)
                .then().statusCode(200).body("fields.name", equalTo("María García"));
    }
}
