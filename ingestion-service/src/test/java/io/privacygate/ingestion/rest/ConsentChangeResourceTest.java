package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.List;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.SUPPORT;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.consent;
import static io.privacygate.ingestion.Fixtures.crmAgent;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.dpo;
import static io.privacygate.ingestion.Fixtures.dsrExecutor;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.metaMessage;
import static io.privacygate.ingestion.Fixtures.notifier;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * consent-service's notifications, in the shape it sends them. A withdrawal deletes what was held on that
 * consent at once and keeps what rests on another legal basis; a stale notification changes nothing.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class ConsentChangeResourceTest {
    static final String PAGE = "3333333333";
    static final String PATH = "/internal/v1/consent-changes";

    @Inject
    AgroalDataSource dataSource;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        ensurePurposes();
    }

    static Map<String, Object> change(UUID eventId, UUID subjectId, String purpose, String state, Instant occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("subjectId", subjectId);
        body.put("purpose", purpose);
        body.put("state", state);
        body.put("occurredAt", occurredAt.toString());
        return body;
    }

    static Map<String, Object> anyChange() {
        return change(UUID.randomUUID(), UUID.randomUUID(), ENGAGEMENT, "WITHDRAWN", Instant.now());
    }

    @Nested
    class WithoutToken {
        @Test
        void isUnauthorized() {
            RestAssured.given().contentType(ContentType.JSON).body(anyChange()).post(PATH).then().statusCode(401);
        }
    }

    @Nested
    class AsOtherRoles {
        @Test
        void peopleAndOtherServicesAreForbidden() {
            as(dpo()).body(anyChange()).post(PATH).then().statusCode(403);
            as(crmAgent()).body(anyChange()).post(PATH).then().statusCode(403);
            as(dsrExecutor()).body(anyChange()).post(PATH).then().statusCode(403);
        }
    }

    @Nested
    class AsConsentNotifier {
        @Test
        void aWithdrawalDeletesDataHeldOnThatConsentAndKeepsTheRest() {
            String user = platformId();
            UUID subject = resolve("facebook", user);
            grant(subject, ENGAGEMENT);
            deliverMeta(metaComment(PAGE, user, "Walter Withdraw", "a comment", platformId())).then().statusCode(200);
            deliverMeta(metaMessage(PAGE, user, "a support question", "m_" + platformId())).then().statusCode(200);
            Db.await("both events", Duration.ofSeconds(30),
                    () -> db.count("select count(*) from interaction where subject_id = ?", subject) == 2);

            UUID withdrawal = consent(subject, ENGAGEMENT, "WITHDRAWN");
            as(notifier()).body(change(withdrawal, subject, ENGAGEMENT, "WITHDRAWN", Instant.now())).post(PATH)
                    .then().statusCode(200)
                    .body("latest", equalTo(true))
                    .body("interactionsDeleted", equalTo(1))
                    .body("contactFieldsDeleted", equalTo(1));

            assertThat(db.rows("select purpose from interaction where subject_id = ?", subject))
                    .containsExactly(List.of(SUPPORT));
            assertThat(db.count("select count(*) from contact_field where subject_id = ? and purpose = ?", subject, ENGAGEMENT)).isZero();
            assertThat(db.count("select count(*) from outbox_message where strpos(payload, ?) > 0 "
                    + "and strpos(payload, 'consent.revocation-applied') > 0", subject.toString())).isEqualTo(1);
        }

        @Test
        void aRepeatedOrOlderNotificationChangesNothing() {
            UUID subject = UUID.randomUUID();
            UUID grantEvent = UUID.randomUUID();
            Instant now = Instant.now();
            as(notifier()).body(change(grantEvent, subject, ENGAGEMENT, "GRANTED", now)).post(PATH)
                    .then().statusCode(200).body("latest", equalTo(true));
            as(notifier()).body(change(grantEvent, subject, ENGAGEMENT, "GRANTED", now)).post(PATH)
                    .then().statusCode(200);
            as(notifier()).body(change(UUID.randomUUID(), subject, ENGAGEMENT, "WITHDRAWN", now.minusSeconds(60))).post(PATH)
                    .then().statusCode(200).body("latest", equalTo(false)).body("interactionsDeleted", equalTo(0));
            assertThat(db.single("select state from consent_change where subject_id = ?", subject)).isEqualTo("GRANTED");
        }

        @Test
        void aMalformedChangeIsABadRequestAndNothingIsRecorded() {
            UUID subject = UUID.randomUUID();
            Map<String, Object> body = change(UUID.randomUUID(), subject, ENGAGEMENT, "MAYBE", Instant.now());
            as(notifier()).body(body).post(PATH).then().statusCode(400).contentType("application/problem+json");
            as(notifier()).body("{\"eventId\":").post(PATH).then().statusCode(400).contentType("application/problem+json");
            Map<String, Object> noPurpose = change(UUID.randomUUID(), subject, "Not A Key", "WITHDRAWN", Instant.now());
            as(notifier()).body(noPurpose).post(PATH).then().statusCode(400).body("errors[0].field", equalTo("purpose"));
            assertThat(db.count("select count(*) from consent_change where subject_id = ?", subject)).isZero();
        }
    }
}
