package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.createConsentPurpose;
import static io.privacygate.consent.rest.Fixtures.decision;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.dsrExecutor;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.expired;
import static io.privacygate.consent.rest.Fixtures.grant;
import static io.privacygate.consent.rest.Fixtures.identifiers;
import static io.privacygate.consent.rest.Fixtures.newSubject;
import static io.privacygate.consent.rest.Fixtures.operator;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.resolve;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DsrResourceTest {
    @Inject
    AgroalDataSource db;

    static String path(UUID subject) {
        return "/dsr/v1/subjects/" + subject;
    }

    static Map<String, Object> rectification(String... emails) {
        return Map.of("identifiers", identifiers(emails));
    }

    long count(String table, String column, UUID subject) {
        return Db.count(db, "select count(*) from " + table + " where " + column + " = ?", subject);
    }

    @Nested
    class WithoutToken {
        @Test
        void everyCallIsRejected() {
            UUID subject = newSubject();
            anonymous().get(path(subject)).then().statusCode(401);
            anonymous().delete(path(subject)).then().statusCode(401);
            anonymous().body(Map.of("restricted", true)).put(path(subject) + "/restriction").then().statusCode(401);
            anonymous().body(rectification(email())).patch(path(subject)).then().statusCode(401);
            as(expired()).delete(path(subject)).then().statusCode(401);
            assertThat(count("subject", "id", subject)).isEqualTo(1);
        }
    }

    @Nested
    class AsAnyoneButTheDsrExecutor {
        @Test
        void evenTheDpoIsRefused() {
            UUID subject = newSubject();
            for (String token : List.of(dpo(), operator(), reader(), writer())) {
                as(token).get(path(subject)).then().statusCode(403);
                as(token).delete(path(subject)).then().statusCode(403);
                as(token).body(Map.of("restricted", true)).put(path(subject) + "/restriction").then().statusCode(403);
                as(token).body(rectification(email())).patch(path(subject)).then().statusCode(403);
            }
            assertThat(count("subject", "id", subject)).isEqualTo(1);
            assertThat(count("subject_key", "subject_id", subject)).isEqualTo(1);
        }
    }

    @Nested
    class AsDsrExecutor {
        @Test
        void exportsEverythingHeldDecrypted() {
            String email = email();
            UUID subject = resolve(email);
            String purpose = createConsentPurpose("1");
            UUID event = grant(subject, purpose, "1");
            as(dsrExecutor()).get(path(subject)).then().statusCode(200)
                    .body("system", equalTo("consent-service"))
                    .body("subjectId", equalTo(subject.toString()))
                    .body("records.subject[0].restricted", is(false))
                    .body("records.identifiers.value", contains(email))
                    .body("records.consentEvents.eventId", contains(event.toString()))
                    .body("records.consentEvents[0].purpose", equalTo(purpose))
                    .body("records.consentEvents[0].userAgent", startsWith("Mozilla/5.0"));
            assertThat(Db.count(db, "select count(*) from outbox_message where payload like ? and payload like ?",
                    "%subject.exported%", "%" + subject + "%")).isEqualTo(1);
        }

        @Test
        void erasesByShreddingTheKeyFirstAndKeepsOnlyPseudonymousProof() {
            String email = email();
            UUID subject = resolve(email);
            String purpose = createConsentPurpose("1");
            grant(subject, purpose, "1");
            io.restassured.path.json.JsonPath receipt = as(dsrExecutor()).delete(path(subject)).then().statusCode(200)
                    .body("system", equalTo("consent-service"))
                    .body("keyShredded", is(true))
                    .body("deleted.subject", is(1))
                    .body("deleted.identifiers", is(1))
                    .body("deleted.consentEvidence", is(1))
                    .body("retained[0].category", equalTo("consent-records"))
                    .body("retained[0].legalBasis", equalTo("Art. 17(3)(e) GDPR; Art. 7(1) GDPR"))
                    .extract().jsonPath();
            // Issue 19, point 2: two rotation periods (P15D) and one rewrap round (1h) after the erasure.
            assertThat(java.time.Duration.between(java.time.Instant.parse(receipt.getString("erasedAt")),
                    java.time.Instant.parse(receipt.getString("backupsUnreadableAfter")))).isEqualTo(java.time.Duration.parse("P30DT1H"));

            assertThat(count("subject_key", "subject_id", subject)).isZero();
            assertThat(count("subject_identifier", "subject_id", subject)).isZero();
            assertThat(count("subject", "id", subject)).isZero();
            List<Map<String, Object>> kept = Db.rows(db, "select * from consent_event where subject_id = ?", subject);
            assertThat(kept).hasSize(1).allSatisfy(row -> {
                assertThat(row.get("ip_pseudonym")).isNull();
                assertThat(row.get("user_agent_encrypted")).isNull();
                assertThat(row.get("fingerprint")).isNull();
                assertThat(row.get("erased_at")).isNotNull();
                assertThat(row.get("state")).isEqualTo("GRANTED");
            });

            as(reader()).body(decision(subject, purpose, "email")).post("/api/v1/decisions").then().statusCode(200)
                    .body("permitted", is(false)).body("reason", equalTo("UNKNOWN_SUBJECT"));
            as(operator()).get("/api/v1/subjects/" + subject).then().statusCode(404);
            assertThat(resolve(email)).isNotEqualTo(subject);
        }

        @Test
        void erasingAgainFindsNothingLeftToDo() {
            UUID subject = newSubject();
            grant(subject, createConsentPurpose("1"), "1");
            as(dsrExecutor()).delete(path(subject)).then().statusCode(200).body("keyShredded", is(true));
            as(dsrExecutor()).delete(path(subject)).then().statusCode(200)
                    .body("keyShredded", is(false))
                    .body("deleted.subject", is(0)).body("deleted.identifiers", is(0)).body("deleted.consentEvidence", is(0))
                    .body("retained[0].category", equalTo("consent-records"));
            as(dsrExecutor()).delete(path(UUID.randomUUID())).then().statusCode(200).body("retained", empty());
            assertThat(Db.count(db, "select count(*) from outbox_message where payload like ? and payload like ?",
                    "%subject.erased%", "%" + subject + "%")).isEqualTo(1);
        }

        @Test
        void restrictsAndLiftsIdempotently() {
            UUID subject = newSubject();
            String changedAt = as(dsrExecutor()).body(Map.of("restricted", true)).put(path(subject) + "/restriction")
                    .then().statusCode(200).body("restricted", is(true)).body("changedAt", notNullValue())
                    .extract().path("changedAt");
            as(dsrExecutor()).body(Map.of("restricted", true)).put(path(subject) + "/restriction")
                    .then().statusCode(200).body("restricted", is(true)).body("changedAt", equalTo(changedAt));
            as(operator()).get("/api/v1/subjects/" + subject).then().body("restricted", is(true));
            as(dsrExecutor()).body(Map.of("restricted", false)).put(path(subject) + "/restriction")
                    .then().statusCode(200).body("restricted", is(false));
            assertThat(Db.count(db, "select count(*) from outbox_message where payload like ? and payload like ?",
                    "%\"subject.restricted\"%", "%" + subject + "%")).isEqualTo(1);
        }

        @Test
        void rectifiesIdentifiersIdempotently() {
            String old = email();
            String corrected = email();
            UUID subject = resolve(old);
            as(dsrExecutor()).body(rectification(corrected)).patch(path(subject)).then().statusCode(200)
                    .body("rectified", contains("identifiers.email"));
            as(dsrExecutor()).body(rectification(corrected)).patch(path(subject)).then().statusCode(200)
                    .body("rectified", empty());
            as(operator()).get("/api/v1/subjects/" + subject).then().body("identifiers.value", containsInAnyOrder(corrected));
            assertThat(resolve(corrected)).isEqualTo(subject);
            assertThat(resolve(old)).isNotEqualTo(subject);
        }

        @Test
        void doesNotRectifyIntoAnotherSubjectsIdentifier() {
            String taken = email();
            resolve(taken);
            UUID subject = newSubject();
            as(dsrExecutor()).body(rectification(taken)).patch(path(subject)).then().statusCode(409)
                    .contentType("application/problem+json");
            assertThat(count("subject_identifier", "subject_id", subject)).isEqualTo(1);
        }

        @Test
        void anUnknownSubjectIsNotFoundExceptForErasure() {
            UUID unknown = UUID.randomUUID();
            as(dsrExecutor()).get(path(unknown)).then().statusCode(404).contentType("application/problem+json");
            as(dsrExecutor()).body(Map.of("restricted", true)).put(path(unknown) + "/restriction").then().statusCode(404);
            as(dsrExecutor()).body(rectification(email())).patch(path(unknown)).then().statusCode(404);
            as(dsrExecutor()).delete(path(unknown)).then().statusCode(200).body("keyShredded", is(false));
        }

        @Test
        void aRestrictionWithoutItsFlagIsRefused() {
            as(dsrExecutor()).body(Map.of()).put(path(newSubject()) + "/restriction").then().statusCode(400)
                    .body("errors[0].field", equalTo("restricted"));
        }
    }
}
