package io.privacygate.consent.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.auditor;
import static io.privacygate.consent.rest.Fixtures.consent;
import static io.privacygate.consent.rest.Fixtures.consentPurpose;
import static io.privacygate.consent.rest.Fixtures.contractPurpose;
import static io.privacygate.consent.rest.Fixtures.createConsentPurpose;
import static io.privacygate.consent.rest.Fixtures.createPurpose;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.expired;
import static io.privacygate.consent.rest.Fixtures.grant;
import static io.privacygate.consent.rest.Fixtures.identifiers;
import static io.privacygate.consent.rest.Fixtures.newSubject;
import static io.privacygate.consent.rest.Fixtures.operator;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.record;
import static io.privacygate.consent.rest.Fixtures.unique;
import static io.privacygate.consent.rest.Fixtures.with;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsentResourceTest {
    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    long eventsOf(UUID subject) {
        return Db.count(db, "select count(*) from consent_event where subject_id = ?", subject);
    }

    long subjectCount() {
        return Db.count(db, "select count(*) from subject");
    }

    @Nested
    class WithoutToken {
        @Test
        void everyCallIsRejected() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("1");
            anonymous().body(consent(subject, purpose, "GRANTED", "1")).post("/api/v1/consents").then().statusCode(401);
            anonymous().get("/api/v1/subjects/" + subject + "/consents").then().statusCode(401);
            anonymous().get("/api/v1/subjects/" + subject + "/consents/history").then().statusCode(401);
            assertThat(eventsOf(subject)).isZero();
        }

        @Test
        void anExpiredTokenIsRejected() {
            UUID subject = newSubject();
            as(expired()).body(consent(subject, createConsentPurpose("1"), "GRANTED", "1")).post("/api/v1/consents")
                    .then().statusCode(401);
            as(expired()).get("/api/v1/subjects/" + subject + "/consents").then().statusCode(401);
            assertThat(eventsOf(subject)).isZero();
        }
    }

    @Nested
    class AsConsentReaderOrAuditor {
        @Test
        void theReaderReadsButDoesNotRecord() {
            UUID subject = newSubject();
            as(reader()).body(consent(subject, createConsentPurpose("1"), "GRANTED", "1")).post("/api/v1/consents")
                    .then().statusCode(403);
            assertThat(eventsOf(subject)).isZero();
            as(reader()).get("/api/v1/subjects/" + subject + "/consents").then().statusCode(200);
        }

        @Test
        void theAuditorReadsNoConsents() {
            UUID subject = newSubject();
            as(auditor()).get("/api/v1/subjects/" + subject + "/consents").then().statusCode(403);
            as(auditor()).get("/api/v1/subjects/" + subject + "/consents/history").then().statusCode(403);
            as(auditor()).body(consent(subject, createConsentPurpose("1"), "GRANTED", "1")).post("/api/v1/consents")
                    .then().statusCode(403);
        }

        @Test
        void theWriterDoesNotReadConsents() {
            UUID subject = newSubject();
            as(writer()).get("/api/v1/subjects/" + subject + "/consents").then().statusCode(403);
            as(writer()).get("/api/v1/subjects/" + subject + "/consents/history").then().statusCode(403);
        }
    }

    @Nested
    class AsConsentWriter {
        @Test
        void recordsAGrantWithItsEvidenceAndAReceipt() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("7");
            Map<String, Object> body = consent(subject, purpose, "GRANTED", "7");
            String userAgent = ((Map<?, ?>) body.get("evidence")).get("userAgent").toString();
            record(body).then().statusCode(201)
                    .body("eventId", notNullValue())
                    .body("receiptId", notNullValue())
                    .body("subjectId", equalTo(subject.toString()))
                    .body("purpose", equalTo(purpose))
                    .body("purposeVersion", is(1))
                    .body("state", equalTo("GRANTED"))
                    .body("noticeVersion", equalTo("7"))
                    .body("noticeHash", nullValue())
                    .body("collectionMethod", equalTo("web-form"))
                    .body("evidence.source", equalTo("https://shop.example.org/signup"))
                    .body("evidence.formId", equalTo("signup-v4"))
                    .body("evidence.ipPseudonym", startsWith("hmac-sha256:"))
                    .body("evidence.userAgent", equalTo(userAgent))
                    .body("evidence.capturedAt", notNullValue());

            Map<String, Object> row = Db.rows(db, "select * from consent_event where subject_id = ?", subject).get(0);
            assertThat((String) row.get("user_agent_encrypted")).startsWith("v2.");
            assertThat(Db.dump(db, "consent_event", "outbox_message")).doesNotContain("203.0.113.42").doesNotContain(userAgent);
        }

        @Test
        void keepsTheFormUrlButNotItsQuery() {
            UUID subject = newSubject();
            Map<String, Object> body = consent(subject, createConsentPurpose("1"), "GRANTED", "1");
            Map<String, Object> evidence = new LinkedHashMap<>((Map<String, Object>) body.get("evidence"));
            evidence.put("source", "https://shop.example.org/signup?email=jane.doe@example.org");
            body.put("evidence", evidence);
            record(body).then().statusCode(201).body("evidence.source", equalTo("https://shop.example.org/signup"));
            assertThat(Db.dump(db, "consent_event")).doesNotContain("jane.doe");
        }

        @Test
        void withdrawingIsTheSameCallWithoutEvenTheNoticeVersion() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("2");
            grant(subject, purpose, "2");
            record(consent(subject, purpose, "WITHDRAWN", null)).then().statusCode(201)
                    .body("state", equalTo("WITHDRAWN")).body("noticeVersion", equalTo("2"));
            assertThat(eventsOf(subject)).isEqualTo(2);
        }

        @Test
        void recordsByIdentifiersCreatingTheSubject() {
            String email = email();
            String purpose = createConsentPurpose("1");
            Map<String, Object> body = consent(null, purpose, "GRANTED", "1");
            body.remove("subjectId");
            body.put("identifiers", identifiers(email));
            String subject = record(body).then().statusCode(201).extract().path("subjectId");
            assertThat(Fixtures.resolve(email).toString()).isEqualTo(subject);
        }

        @Test
        void acceptsAGrantForAnEarlierNoticeOfThePurpose() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("1");
            as(dpo()).body(consentPurpose(purpose, "2")).put("/api/v1/purposes/" + purpose).then().statusCode(200);
            record(consent(subject, purpose, "GRANTED", "1")).then().statusCode(201)
                    .body("purposeVersion", is(1)).body("noticeVersion", equalTo("1"));
        }

        @Test
        void tellsEverySubscriberInTheContractShape() throws Exception {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("1");
            UUID event = grant(subject, purpose, "1");
            List<Map<String, Object>> rows = Db.rows(db,
                    "select payload from outbox_message where destination = 'ingestion' and idempotency_key = ?", event.toString());
            assertThat(rows).hasSize(1);
            JsonNode change = json.readTree(rows.get(0).get("payload").toString());
            List<String> fields = new ArrayList<>();
            change.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("eventId", "subjectId", "purpose", "state", "occurredAt");
            assertThat(change.get("eventId").asText()).isEqualTo(event.toString());
            assertThat(change.get("subjectId").asText()).isEqualTo(subject.toString());
            assertThat(change.get("purpose").asText()).isEqualTo(purpose);
            assertThat(change.get("state").asText()).isEqualTo("GRANTED");
            assertThat(Instant.parse(change.get("occurredAt").asText())).isNotNull();
        }

        @Test
        void auditsTheGrant() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("1");
            UUID event = grant(subject, purpose, "1");
            List<Map<String, Object>> rows = Db.rows(db,
                    "select payload from outbox_message where destination = 'audit' and payload like ? and payload like ?",
                    "%consent.granted%", "%" + event + "%");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("payload").toString()).contains("\"subjectRef\":\"" + subject + "\"")
                    .contains("\"purpose\":\"" + purpose + "\"").contains("\"legalBasis\":\"CONSENT\"");
        }

        @Test
        void theDatabaseRefusesToChangeOrDeleteAnEvent() {
            UUID subject = newSubject();
            grant(subject, createConsentPurpose("1"), "1");
            assertThatThrownBy(() -> Db.execute(db, "update consent_event set state = 'DENIED' where subject_id = ?", subject))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> Db.execute(db, "delete from consent_event where subject_id = ?", subject))
                    .hasMessageContaining("append-only");
            assertThat(Db.count(db, "select count(*) from consent_event where subject_id = ? and state = 'GRANTED'", subject))
                    .isEqualTo(1);
        }
    }

    @Nested
    class AsPrivacyOperator {
        @Test
        void readsTheCurrentStatePerPurposeAndTheHistoryOldestFirst() {
            UUID subject = newSubject();
            String newsletter = createConsentPurpose("1");
            String profiling = createConsentPurpose("1");
            grant(subject, newsletter, "1");
            record(consent(subject, newsletter, "WITHDRAWN", null)).then().statusCode(201);
            grant(subject, profiling, "1");
            as(dpo()).body(consentPurpose(profiling, "2")).put("/api/v1/purposes/" + profiling).then().statusCode(200);

            as(operator()).get("/api/v1/subjects/" + subject + "/consents").then().statusCode(200)
                    .body("total", is(2))
                    .body("items.find { it.purpose == '" + newsletter + "' }.state", equalTo("WITHDRAWN"))
                    .body("items.find { it.purpose == '" + profiling + "' }.state", equalTo("GRANTED"))
                    .body("items.find { it.purpose == '" + profiling + "' }.noticeCurrent", is(false));
            as(operator()).get("/api/v1/subjects/" + subject + "/consents/history").then().statusCode(200)
                    .body("total", is(3))
                    .body("items.state", contains("GRANTED", "WITHDRAWN", "GRANTED"))
                    .body("items[0].evidence.userAgent", startsWith("Mozilla/5.0"));
            as(operator()).queryParam("size", 1).queryParam("page", 2).get("/api/v1/subjects/" + subject + "/consents/history")
                    .then().statusCode(200).body("items.size()", is(1)).body("items[0].purpose", equalTo(profiling));
        }

        @Test
        void anUnknownSubjectIsNotFound() {
            as(operator()).get("/api/v1/subjects/" + UUID.randomUUID() + "/consents").then().statusCode(404)
                    .contentType("application/problem+json");
            as(operator()).get("/api/v1/subjects/" + UUID.randomUUID() + "/consents/history").then().statusCode(404);
        }
    }

    @Nested
    class Duplicates {
        @Test
        void aRepeatedIdempotencyKeyReplaysTheFirstEvent() {
            UUID subject = newSubject();
            Map<String, Object> body = consent(subject, createConsentPurpose("1"), "GRANTED", "1");
            String key = UUID.randomUUID().toString();
            String first = as(writer()).header("Idempotency-Key", key).body(body).post("/api/v1/consents")
                    .then().statusCode(201).extract().path("eventId");
            as(writer()).header("Idempotency-Key", key).body(body).post("/api/v1/consents")
                    .then().statusCode(200).body("eventId", equalTo(first));
            assertThat(eventsOf(subject)).isEqualTo(1);
        }

        @Test
        void anIdempotencyKeyReusedForAnotherRequestIsRefused() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("1");
            String key = UUID.randomUUID().toString();
            as(writer()).header("Idempotency-Key", key).body(consent(subject, purpose, "GRANTED", "1"))
                    .post("/api/v1/consents").then().statusCode(201);
            as(writer()).header("Idempotency-Key", key).body(consent(subject, purpose, "WITHDRAWN", "1"))
                    .post("/api/v1/consents").then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:unprocessable"));
            assertThat(eventsOf(subject)).isEqualTo(1);
        }

        @Test
        void anIdenticalEventWithoutKeyIsRefusedAsAConflict() {
            UUID subject = newSubject();
            Map<String, Object> body = consent(subject, createConsentPurpose("1"), "GRANTED", "1");
            String first = record(body).then().statusCode(201).extract().path("eventId");
            String detail = record(body).then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:conflict")).extract().path("detail");
            assertThat(detail).contains(first);
            assertThat(eventsOf(subject)).isEqualTo(1);
        }

        @Test
        void anIdempotencyKeyMustBeShortVisibleAscii() {
            UUID subject = newSubject();
            as(writer()).header("Idempotency-Key", "k".repeat(201)).body(consent(subject, createConsentPurpose("1"), "GRANTED", "1"))
                    .post("/api/v1/consents").then().statusCode(400).body("errors[0].field", equalTo("idempotencyKey"));
            assertThat(eventsOf(subject)).isZero();
        }

        @Test
        void grantingAgainAfterAWithdrawalIsNotADuplicate() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("1");
            Map<String, Object> grant = consent(subject, purpose, "GRANTED", "1");
            record(grant).then().statusCode(201);
            record(consent(subject, purpose, "WITHDRAWN", "1")).then().statusCode(201);
            record(grant).then().statusCode(201);
            assertThat(eventsOf(subject)).isEqualTo(3);
        }
    }

    @Nested
    class BadInput {
        @Test
        void malformedJsonStoresNothing() {
            UUID subject = newSubject();
            as(writer()).body("{\"subjectId\":\"" + subject + "\",\"purpose\":").post("/api/v1/consents")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:malformed-body"));
            as(writer()).body(with(consent(subject, createConsentPurpose("1"), "GRANTED", "1"), "state", "MAYBE"))
                    .post("/api/v1/consents").then().statusCode(400).body("errors[0].field", equalTo("state"));
            assertThat(eventsOf(subject)).isZero();
        }

        @Test
        void anUnknownPurposeStoresNothingNotEvenTheSubject() {
            long before = subjectCount();
            Map<String, Object> body = consent(null, "no-such-purpose", "GRANTED", "1");
            body.remove("subjectId");
            body.put("identifiers", identifiers(email()));
            record(body).then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:unprocessable"));
            assertThat(subjectCount()).isEqualTo(before);
        }

        @Test
        void anUnknownSubjectIsRefused() {
            UUID unknown = UUID.randomUUID();
            record(consent(unknown, createConsentPurpose("1"), "GRANTED", "1")).then().statusCode(422)
                    .contentType("application/problem+json");
            assertThat(eventsOf(unknown)).isZero();
        }

        @Test
        void consentForAPurposeNotBasedOnConsentIsRefused() {
            UUID subject = newSubject();
            String purpose = (String) createPurpose(contractPurpose(unique("contract"))).get("key");
            String detail = record(consent(subject, purpose, "GRANTED", "1")).then().statusCode(422)
                    .contentType("application/problem+json").extract().path("detail");
            assertThat(detail).contains("CONTRACT");
            assertThat(eventsOf(subject)).isZero();
        }

        @Test
        void aNoticeVersionThePurposeNeverHadIsRefused() {
            UUID subject = newSubject();
            record(consent(subject, createConsentPurpose("1"), "GRANTED", "99")).then().statusCode(422);
            assertThat(eventsOf(subject)).isZero();
        }

        @Test
        void fieldsAreCheckedAndNamed() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("1");
            record(consent(subject, purpose, "GRANTED", null)).then().statusCode(400)
                    .body("errors[0].field", equalTo("noticeVersion"));
            Map<String, Object> both = consent(subject, purpose, "GRANTED", "1");
            both.put("identifiers", identifiers(email()));
            record(both).then().statusCode(400).body("errors[0].field", equalTo("identifiers"));
            Map<String, Object> neither = consent(subject, purpose, "GRANTED", "1");
            neither.remove("subjectId");
            record(neither).then().statusCode(400).body("errors[0].field", equalTo("subjectId"));

            Map<String, Object> badIp = consent(subject, purpose, "GRANTED", "1");
            Map<String, Object> evidence = new LinkedHashMap<>((Map<String, Object>) badIp.get("evidence"));
            evidence.put("ip", "my-laptop.local");
            badIp.put("evidence", evidence);
            record(badIp).then().statusCode(400).body("errors[0].field", equalTo("evidence.ip"));

            Map<String, Object> future = consent(subject, purpose, "GRANTED", "1");
            Map<String, Object> later = new LinkedHashMap<>((Map<String, Object>) future.get("evidence"));
            later.put("capturedAt", Instant.now().plusSeconds(3600).toString());
            future.put("evidence", later);
            record(future).then().statusCode(400).body("errors[0].field", equalTo("evidence.capturedAt"));
            assertThat(eventsOf(subject)).isZero();
        }

        @Test
        void anOversizedBodyIsRefusedBeforeItIsRead() {
            UUID subject = newSubject();
            Map<String, Object> body = consent(subject, createConsentPurpose("1"), "GRANTED", "1");
            body.put("padding", "x".repeat(300 * 1024));
            record(body).then().statusCode(413).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:payload-too-large"));
            assertThat(eventsOf(subject)).isZero();
        }
    }
}
