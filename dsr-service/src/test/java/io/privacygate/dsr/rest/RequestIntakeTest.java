package io.privacygate.dsr.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.dsr.service.deadlines.Deadlines;
import io.privacygate.testing.LogCapture;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.dsr.rest.Fixtures.REQUESTS;
import static io.privacygate.dsr.rest.Fixtures.anonymous;
import static io.privacygate.dsr.rest.Fixtures.as;
import static io.privacygate.dsr.rest.Fixtures.auditor;
import static io.privacygate.dsr.rest.Fixtures.crmAgent;
import static io.privacygate.dsr.rest.Fixtures.dpo;
import static io.privacygate.dsr.rest.Fixtures.email;
import static io.privacygate.dsr.rest.Fixtures.executor;
import static io.privacygate.dsr.rest.Fixtures.expired;
import static io.privacygate.dsr.rest.Fixtures.identifiers;
import static io.privacygate.dsr.rest.Fixtures.intake;
import static io.privacygate.dsr.rest.Fixtures.operator;
import static io.privacygate.dsr.rest.Fixtures.request;
import static io.privacygate.dsr.rest.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RequestIntakeTest {
    @Inject
    AgroalDataSource db;

    long requestCount() {
        return Db.count(db, "select count(*) from dsr_request");
    }

    @Nested
    class WithoutToken {
        @Test
        void isRejected() {
            anonymous().body(request("ACCESS", identifiers(email()))).post(REQUESTS).then().statusCode(401);
        }

        @Test
        void anExpiredTokenIsRejected() {
            as(expired()).body(request("ACCESS", identifiers(email()))).post(REQUESTS).then().statusCode(401);
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void isForbidden() {
            as(auditor()).body(request("ACCESS", identifiers(email()))).post(REQUESTS).then().statusCode(403);
        }
    }

    @Nested
    class AsCrmAgent {
        @Test
        void isForbidden() {
            as(crmAgent()).body(request("ACCESS", identifiers(email()))).post(REQUESTS).then().statusCode(403);
        }
    }

    @Nested
    class AsParticipantService {
        @Test
        void isForbidden() {
            as(executor()).body(request("ERASURE", identifiers(email()))).post(REQUESTS).then().statusCode(403);
        }
    }

    @Nested
    class AsOperator {
        @Test
        void filesARequestDueOneMonthAfterReceiptWithItsIdentifiersEncrypted() {
            String address = email();
            String id = as(operator()).body(request("ACCESS", identifiers(address))).post(REQUESTS).then()
                    .statusCode(201)
                    .header("Location", containsString(REQUESTS + "/"))
                    .body("type", equalTo("ACCESS"))
                    .body("status", equalTo("RECEIVED"))
                    .body("extended", equalTo(false))
                    .body("identifiers[0].type", equalTo("email"))
                    .body("identifiers[0].value", equalTo(address))
                    .body("details", equalTo("Letter from the data subject, ref 42"))
                    .body("subjectResolution", equalTo("PENDING"))
                    .extract().path("id");
            Map<String, Object> stored = Db.rows(db, "select * from dsr_request where id = ?", Db.uuid(id)).get(0);
            Instant received = ((java.sql.Timestamp) stored.get("received_at")).toInstant();
            Instant due = ((java.sql.Timestamp) stored.get("due_at")).toInstant();
            assertThat(due).isEqualTo(Deadlines.dueAt(received, ZoneOffset.UTC));
            assertThat((String) stored.get("details_encrypted")).startsWith("v2.").doesNotContain("Letter");
            Map<String, Object> identifier = Db.rows(db, "select * from dsr_request_identifier where request_id = ?",
                    Db.uuid(id)).get(0);
            assertThat((String) identifier.get("value_encrypted")).startsWith("v2.").doesNotContain(address);
            assertThat((String) identifier.get("blind_index")).hasSize(64);
            // Only the lookup of the subject runs before verification; nothing is fanned out yet.
            assertThat(Db.rows(db, "select step from dsr_task where request_id = ?", Db.uuid(id)))
                    .containsExactly(Map.of("step", "RESOLVE"));
        }

        @Test
        void runsTheDeadlineFromWhenTheRequestReallyArrived() {
            Instant received = Instant.parse("2026-01-31T09:00:00Z");
            as(operator()).body(with(request("ERASURE", identifiers(email())), "receivedAt", received.toString()))
                    .post(REQUESTS).then().statusCode(201)
                    .body("receivedAt", equalTo("2026-01-31T09:00:00Z"))
                    .body("dueAt", equalTo("2026-02-28T23:59:59Z"))
                    .body("originalDueAt", equalTo("2026-02-28T23:59:59Z"));
        }

        @Test
        void takesTheSameIdentifierGivenTwiceOnce() {
            String address = email();
            String id = as(operator()).body(request("ACCESS", List.of(Map.of("type", "email", "value", address),
                            Map.of("type", "email", "value", address.toUpperCase())))).post(REQUESTS).then()
                    .statusCode(201).extract().path("id");
            assertThat(Db.count(db, "select count(*) from dsr_request_identifier where request_id = ?", Db.uuid(id))).isEqualTo(1);
        }

        @Test
        void keepsNoPersonalDataInTheLogOrTheAuditTrail() {
            String address = email();
            try (LogCapture log = LogCapture.start()) {
                String id = as(operator()).body(request("ERASURE", identifiers(address))).post(REQUESTS).then()
                        .statusCode(201).extract().path("id");
                assertThat(log.contains(address)).isFalse();
                assertThat(log.contains("ref 42")).isFalse();
                List<Map<String, Object>> audit = Db.rows(db,
                        "select payload from outbox_message where destination = 'audit' and payload like ?", "%" + id + "%");
                assertThat(audit).isNotEmpty();
                assertThat(audit.toString()).contains("dsr.request.received").doesNotContain(address).doesNotContain("ref 42");
            }
        }
    }

    @Nested
    class AsDpo {
        @Test
        void filesARequest() {
            as(dpo()).body(request("RESTRICTION", identifiers(email()))).post(REQUESTS).then().statusCode(201)
                    .body("status", equalTo("RECEIVED"));
        }
    }

    @Nested
    class AsIntakeService {
        @Test
        void filesARequestButSeesNoIdentifiersInTheAnswer() {
            as(intake()).body(Map.of("type", "ERASURE", "identifiers", List.of(Map.of("type", "facebook", "value", "1234567890")),
                            "channel", "meta-data-deletion")).post(REQUESTS).then().statusCode(201)
                    .body("status", equalTo("RECEIVED"))
                    .body("identifiers", nullValue())
                    .body("filedBy", equalTo("client:ingestion-service"));
        }
    }

    @Nested
    class AsRetryingService {
        @Test
        void aRepeatedIdempotencyKeyGetsTheRequestTheFirstCallCreated() {
            Map<String, Object> body = Map.of("type", "ERASURE", "channel", "meta-data-deletion",
                    "identifiers", List.of(Map.of("type", "facebook", "value", "2234567890")));
            String key = "meta-" + UUID.randomUUID();
            String first = as(intake()).header("Idempotency-Key", key).body(body).post(REQUESTS).then().statusCode(201)
                    .extract().path("id");
            as(intake()).header("Idempotency-Key", key).body(body).post(REQUESTS).then().statusCode(200)
                    .body("id", equalTo(first));
            assertThat(Db.count(db, "select count(*) from dsr_request where idempotency_key = ?", key)).isEqualTo(1);
            String other = as(dpo()).header("Idempotency-Key", key).body(body).post(REQUESTS).then().statusCode(201)
                    .extract().path("id");
            assertThat(other).isNotEqualTo(first);
        }

        @Test
        void aMalformedIdempotencyKeyIsRefused() {
            as(intake()).header("Idempotency-Key", "two words").body(request("ERASURE", Fixtures.facebook(Fixtures.platformUserId())))
                    .post(REQUESTS).then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Nested
    class BadInput {
        @Test
        void anUnknownTypeIsRefusedAndNothingIsStored() {
            long before = requestCount();
            as(operator()).body(request("FORGET_ME", identifiers(email()))).post(REQUESTS).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:malformed-body"))
                    .body("errors.field", hasItem("type"));
            assertThat(requestCount()).isEqualTo(before);
        }

        @Test
        void missingIdentifiersAreRefused() {
            long before = requestCount();
            as(operator()).body(Map.of("type", "ACCESS")).post(REQUESTS).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:validation"))
                    .body("errors.field", hasItem("identifiers"));
            as(operator()).body(request("ACCESS", List.of())).post(REQUESTS).then().statusCode(400)
                    .body("errors.field", hasItem("identifiers"));
            assertThat(requestCount()).isEqualTo(before);
        }

        @Test
        void aMalformedIdentifierIsRefusedWithoutEchoingIt() {
            long before = requestCount();
            as(operator()).body(request("ACCESS", List.of(Map.of("type", "email", "value", "not-an-address"))))
                    .post(REQUESTS).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("identifiers[0].value"))
                    .body(not(containsString("not-an-address")));
            assertThat(requestCount()).isEqualTo(before);
        }

        @Test
        void aReceiptInTheFutureIsRefused() {
            long before = requestCount();
            as(operator()).body(with(request("ACCESS", identifiers(email())), "receivedAt",
                            Instant.now().plus(1, ChronoUnit.DAYS).toString())).post(REQUESTS).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("receivedAt"))
                    .body("errors[0].message", equalTo("must not be in the future"));
            assertThat(requestCount()).isEqualTo(before);
        }

        @Test
        void aRectificationNeedsTheCorrectedValuesAndOnlyARectificationTakesThem() {
            long before = requestCount();
            as(operator()).body(request("RECTIFICATION", identifiers(email()))).post(REQUESTS).then().statusCode(400)
                    .body("errors[0].field", equalTo("rectification"));
            as(operator()).body(with(request("ERASURE", identifiers(email())), "rectification",
                            Map.of("fields", Map.of("name", "Ann")))).post(REQUESTS).then().statusCode(400)
                    .body("errors[0].field", equalTo("rectification"));
            assertThat(requestCount()).isEqualTo(before);
        }

        @Test
        void aBodyThatIsNotJsonIsRefused() {
            as(operator()).body("{\"type\":").post(REQUESTS).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
