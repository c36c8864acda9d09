package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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
import static io.privacygate.consent.rest.Fixtures.decision;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.dsrExecutor;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.expired;
import static io.privacygate.consent.rest.Fixtures.grant;
import static io.privacygate.consent.rest.Fixtures.identifiers;
import static io.privacygate.consent.rest.Fixtures.newSubject;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.record;
import static io.privacygate.consent.rest.Fixtures.resolve;
import static io.privacygate.consent.rest.Fixtures.unique;
import static io.privacygate.consent.rest.Fixtures.with;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DecisionResourceTest {
    @Inject
    AgroalDataSource db;

    static ValidatableResponse decide(Map<String, Object> query) {
        return as(reader()).body(query).post("/api/v1/decisions").then().statusCode(200);
    }

    static Map<String, Object> batch(List<Map<String, Object>> queries) {
        return Map.of("queries", queries);
    }

    @Nested
    class WithoutToken {
        @Test
        void bothCallsAreRejected() {
            Map<String, Object> query = decision(UUID.randomUUID(), "anything", "email");
            anonymous().body(query).post("/api/v1/decisions").then().statusCode(401);
            anonymous().body(batch(List.of(query))).post("/api/v1/decisions/batch").then().statusCode(401);
            as(expired()).body(query).post("/api/v1/decisions").then().statusCode(401);
            as(expired()).body(batch(List.of(query))).post("/api/v1/decisions/batch").then().statusCode(401);
        }
    }

    @Nested
    class AsRolesThatDoNotDecide {
        @Test
        void theWriterAuditorAndDsrExecutorAreRefused() {
            Map<String, Object> query = decision(UUID.randomUUID(), "anything", "email");
            for (String token : List.of(writer(), auditor(), dsrExecutor())) {
                as(token).body(query).post("/api/v1/decisions").then().statusCode(403);
                as(token).body(batch(List.of(query))).post("/api/v1/decisions/batch").then().statusCode(403);
            }
        }
    }

    @Nested
    class AsConsentReader {
        @Test
        void permitsACurrentGrantAndNamesTheEvent() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("1");
            UUID event = grant(subject, purpose, "1");
            decide(decision(subject, purpose, "email"))
                    .body("permitted", is(true)).body("legalBasis", equalTo("CONSENT"))
                    .body("reason", equalTo("CONSENT_GRANTED")).body("consentEventId", equalTo(event.toString()))
                    .body("restricted", is(false));
        }

        @Test
        void deniesWithoutConsentAndAuditsTheDenial() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("1");
            decide(decision(subject, purpose, "email"))
                    .body("permitted", is(false)).body("reason", equalTo("NO_CONSENT")).body("consentEventId", nullValue());
            List<Map<String, Object>> audit = Db.rows(db, "select payload from outbox_message where destination = 'audit' "
                    + "and payload like '%decision.denied%' and payload like ?", "%" + subject + "%");
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0).get("payload").toString()).contains("\"outcome\":\"DENIED\"")
                    .contains("\"reason\":\"NO_CONSENT\"").contains("\"purpose\":\"" + purpose + "\"");
        }

        @Test
        void seesAWithdrawalAtOnce() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("1");
            grant(subject, purpose, "1");
            decide(decision(subject, purpose, "email")).body("permitted", is(true));
            decide(decision(subject, purpose, "email")).body("permitted", is(true));
            UUID withdrawal = UUID.fromString(record(consent(subject, purpose, "WITHDRAWN", null)).then().statusCode(201)
                    .extract().path("eventId"));
            decide(decision(subject, purpose, "email")).body("permitted", is(false))
                    .body("reason", equalTo("CONSENT_WITHDRAWN")).body("consentEventId", equalTo(withdrawal.toString()));
        }

        @Test
        void aNewNoticeNeedsFreshConsent() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("1");
            grant(subject, purpose, "1");
            decide(decision(subject, purpose, "email")).body("permitted", is(true));
            as(dpo()).body(consentPurpose(purpose, "2")).put("/api/v1/purposes/" + purpose).then().statusCode(200);
            decide(decision(subject, purpose, "email")).body("permitted", is(false)).body("reason", equalTo("NOTICE_CHANGED"));
            grant(subject, purpose, "2");
            decide(decision(subject, purpose, "email")).body("permitted", is(true));
        }

        @Test
        void aGlobalPrivacyControlSignalDeniesThePurposesItAppliesTo() {
            UUID subject = newSubject();
            String newsletter = createConsentPurpose("1");
            String billing = (String) createPurpose(contractPurpose(unique("billing"))).get("key");
            grant(subject, newsletter, "1");
            as(reader()).header("Sec-GPC", "1").body(decision(subject, newsletter, "email")).post("/api/v1/decisions")
                    .then().statusCode(200).body("permitted", is(false)).body("reason", equalTo("GPC_OBJECTION"));
            as(reader()).header("Sec-GPC", "1").body(decision(subject, billing, "email")).post("/api/v1/decisions")
                    .then().statusCode(200).body("permitted", is(true)).body("reason", equalTo("LEGAL_BASIS"))
                    .body("legalBasis", equalTo("CONTRACT"));
        }

        @Test
        void aRestrictedSubjectIsDeniedUntilTheRestrictionIsLifted() {
            UUID subject = newSubject();
            String billing = (String) createPurpose(contractPurpose(unique("billing"))).get("key");
            decide(decision(subject, billing, "email")).body("permitted", is(true));
            as(dsrExecutor()).body(Map.of("restricted", true)).put("/dsr/v1/subjects/" + subject + "/restriction")
                    .then().statusCode(200);
            decide(decision(subject, billing, "email")).body("permitted", is(false))
                    .body("reason", equalTo("SUBJECT_RESTRICTED")).body("restricted", is(true));
            as(dsrExecutor()).body(Map.of("restricted", false)).put("/dsr/v1/subjects/" + subject + "/restriction")
                    .then().statusCode(200);
            decide(decision(subject, billing, "email")).body("permitted", is(true)).body("restricted", is(false));
        }

        @Test
        void aChannelThePurposeDoesNotDeclareIsDenied() {
            UUID subject = newSubject();
            String billing = (String) createPurpose(contractPurpose(unique("billing"))).get("key");
            decide(decision(subject, billing, "sms")).body("permitted", is(false)).body("reason", equalTo("CHANNEL_NOT_ALLOWED"));
        }

        @Test
        void unknownSubjectsAndPurposesAreDenied() {
            decide(decision(UUID.randomUUID(), createConsentPurpose("1"), "email"))
                    .body("permitted", is(false)).body("reason", equalTo("UNKNOWN_SUBJECT"));
            decide(decision(newSubject(), "no-such-purpose", "email"))
                    .body("permitted", is(false)).body("reason", equalTo("UNKNOWN_PURPOSE")).body("legalBasis", nullValue());
        }

        @Test
        void findsTheSubjectByIdentifiersAndSeesOneResolvedLater() {
            String email = email();
            String billing = (String) createPurpose(contractPurpose(unique("billing"))).get("key");
            Map<String, Object> byEmail = new LinkedHashMap<>();
            byEmail.put("identifiers", identifiers(email.toUpperCase()));
            byEmail.put("purpose", billing);
            byEmail.put("channel", "email");
            decide(byEmail).body("permitted", is(false)).body("reason", equalTo("UNKNOWN_SUBJECT"));
            resolve(email);
            decide(byEmail).body("permitted", is(true));
        }

        @Test
        void identifiersOfTwoSubjectsAreAmbiguous() {
            String a = email();
            String b = email();
            resolve(a);
            resolve(b);
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("identifiers", identifiers(a, b));
            query.put("purpose", (String) createPurpose(contractPurpose(unique("billing"))).get("key"));
            query.put("channel", "email");
            decide(query).body("permitted", is(false)).body("reason", equalTo("AMBIGUOUS_SUBJECT"));
        }
    }

    @Nested
    class WhenTheChangeFeedIsInterrupted {
        /**
         * A change whose notification is lost (written behind the service's back while its LISTEN connection
         * is down) must not leave a cached answer standing: the cache is bypassed while the feed is down and
         * dropped when it is back.
         */
        @Test
        void noCachedAnswerOutlivesTheGap() throws InterruptedException {
            UUID subject = newSubject();
            String billing = (String) createPurpose(contractPurpose(unique("billing"))).get("key");
            decide(decision(subject, billing, "email")).body("permitted", is(true));

            assertThat(Db.count(db, "select count(pg_terminate_backend(pid)) from pg_stat_activity where query ilike 'LISTEN%'"))
                    .isEqualTo(1);
            Db.execute(db, "update subject set restricted = true where id = ?", subject);

            String reason = null;
            for (int attempt = 0; attempt < 100 && !"SUBJECT_RESTRICTED".equals(reason); attempt++) {
                reason = decide(decision(subject, billing, "email")).extract().path("reason");
                Thread.sleep(50);
            }
            assertThat(reason).isEqualTo("SUBJECT_RESTRICTED");
        }
    }

    @Nested
    class InBatches {
        @Test
        void answersInOrder() {
            UUID granted = newSubject();
            UUID notAsked = newSubject();
            String purpose = createConsentPurpose("1");
            grant(granted, purpose, "1");
            as(reader()).body(batch(List.of(decision(granted, purpose, "email"), decision(notAsked, purpose, "email"),
                            decision(granted, purpose, "fax"), decision(granted, purpose, "web"))))
                    .post("/api/v1/decisions/batch").then().statusCode(200)
                    .body("decisions.permitted", contains(true, false, false, true))
                    .body("decisions.reason", contains("CONSENT_GRANTED", "NO_CONSENT", "CHANNEL_NOT_ALLOWED", "CONSENT_GRANTED"));
        }

        @Test
        void takesFiveHundredQueriesAndNoMore() {
            String billing = (String) createPurpose(contractPurpose(unique("billing"))).get("key");
            UUID subject = newSubject();
            List<Map<String, Object>> queries = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                queries.add(decision(subject, billing, "email"));
            }
            as(reader()).body(batch(queries)).post("/api/v1/decisions/batch").then().statusCode(200)
                    .body("decisions.size()", is(500));
            queries.add(decision(subject, billing, "email"));
            as(reader()).body(batch(queries)).post("/api/v1/decisions/batch").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("queries"));
        }

        @Test
        void anInvalidQueryIsNamedAndNothingIsDecided() {
            UUID subject = newSubject();
            String purpose = createConsentPurpose("1");
            long denialsBefore = Db.count(db, "select count(*) from outbox_message where payload like ? and payload like '%decision.denied%'", "%" + subject + "%");
            as(reader()).body(batch(List.of(decision(subject, purpose, "email"), with(decision(subject, purpose, "email"), "channel", ""))))
                    .post("/api/v1/decisions/batch").then().statusCode(400).body("errors[0].field", equalTo("queries[1].channel"));
            as(reader()).body(batch(List.of())).post("/api/v1/decisions/batch").then().statusCode(400);
            as(reader()).body(batch(List.of(with(decision(subject, purpose, "email"), "subjectId", null))))
                    .post("/api/v1/decisions/batch").then().statusCode(400).body("errors[0].field", equalTo("queries[0].subjectId"));
            assertThat(Db.count(db, "select count(*) from outbox_message where payload like ? and payload like '%decision.denied%'", "%" + subject + "%"))
                    .isEqualTo(denialsBefore);
        }
    }
}
