package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.auditor;
import static io.privacygate.consent.rest.Fixtures.consentPurpose;
import static io.privacygate.consent.rest.Fixtures.contractPurpose;
import static io.privacygate.consent.rest.Fixtures.createPurpose;
import static io.privacygate.consent.rest.Fixtures.decision;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.grant;
import static io.privacygate.consent.rest.Fixtures.newSubject;
import static io.privacygate.consent.rest.Fixtures.operator;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.resolve;
import static io.privacygate.consent.rest.Fixtures.unique;
import static io.privacygate.consent.rest.Fixtures.with;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Art. 21 as the law has it, per purpose: an objection to direct marketing stops it absolutely (Art. 21(3)); one to
 * a legitimate-interests (or public-task) purpose stops it unless the DPO records compelling grounds (Art. 21(1)); a
 * contract-based purpose is not subject to Art. 21 and an objection never restricts it.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class Art21ObjectionTest {
    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    static String interestPurpose(boolean directMarketing) {
        String key = unique("art21");
        createPurpose(with(with(with(consentPurpose(key, "1"), "legalBasis", "LEGITIMATE_INTERESTS"), "gpcApplies", false),
                "directMarketing", directMarketing));
        as(dpo()).body(Art6JustificationTest.TEST).put("/api/v1/purposes/" + key + "/balancing-test").then().statusCode(200);
        as(dpo()).post("/api/v1/purposes/" + key + "/activation").then().statusCode(200);
        return key;
    }

    static io.restassured.response.Response object(String token, UUID subject, String purpose) {
        return as(token).body(Map.of("purpose", purpose)).post("/api/v1/subjects/" + subject + "/objections");
    }

    static void decides(UUID subject, String purpose, boolean permitted, String reason) {
        as(reader()).body(decision(subject, purpose, "email")).post("/api/v1/decisions").then().statusCode(200)
                .body("permitted", is(permitted)).body("reason", equalTo(reason));
    }

    @Nested
    class WithoutToken {
        @Test
        void objectingIsRejected() {
            anonymous().body(Map.of("purpose", interestPurpose(false))).post("/api/v1/subjects/" + newSubject() + "/objections")
                    .then().statusCode(401);
        }

        @Test
        void recordingCompellingGroundsIsRejected() {
            anonymous().body(Map.of("grounds", "x")).put("/api/v1/subjects/" + newSubject() + "/objections/any/compelling-grounds")
                    .then().statusCode(401);
        }
    }

    @Nested
    class AsOtherRoles {
        @Test
        void readersAndAuditorsDoNotRecordObjections() {
            String purpose = interestPurpose(false);
            UUID subject = newSubject();
            object(reader(), subject, purpose).then().statusCode(403);
            object(auditor(), subject, purpose).then().statusCode(403);
            assertThat(Db.count(db, "select count(*) from objection where subject_id = ?", subject)).isZero();
        }

        @Test
        void onlyTheDpoRecordsCompellingGrounds() {
            String purpose = interestPurpose(false);
            UUID subject = newSubject();
            object(writer(), subject, purpose).then().statusCode(201);
            for (String token : new String[]{operator(), writer(), reader(), auditor()}) {
                as(token).body(Map.of("grounds", "Fraud prevention")).put("/api/v1/subjects/" + subject + "/objections/"
                        + purpose + "/compelling-grounds").then().statusCode(403);
            }
        }
    }

    @Nested
    class ForDirectMarketing {
        @Test
        void anObjectionStopsItAbsolutelyWhateverTheGrounds() {
            String purpose = interestPurpose(true);
            UUID subject = newSubject();
            decides(subject, purpose, true, "LEGAL_BASIS");
            object(writer(), subject, purpose).then().statusCode(201).body("purpose", equalTo(purpose))
                    .body("objectedAt", notNullValue());
            decides(subject, purpose, false, "OBJECTED");
            as(dpo()).body(Map.of("grounds", "We really want to")).put("/api/v1/subjects/" + subject + "/objections/"
                    + purpose + "/compelling-grounds").then().statusCode(422);
            decides(subject, purpose, false, "OBJECTED");
            assertThat(Db.count(db, "select count(*) from objection where subject_id = ? and grounds is null", subject)).isEqualTo(1);
        }

        @Test
        void anObjectionStopsAConsentBasedDirectMarketingPurposeToo() {
            String purpose = unique("art21-consent");
            createPurpose(with(consentPurpose(purpose, "1"), "directMarketing", true));
            UUID subject = newSubject();
            grant(subject, purpose, "1");
            object(operator(), subject, purpose).then().statusCode(201);
            decides(subject, purpose, false, "OBJECTED");
        }
    }

    @Nested
    class ForLegitimateInterests {
        @Test
        void anObjectionStopsThePurposeUntilTheDpoRecordsCompellingGrounds() {
            String purpose = interestPurpose(false);
            UUID subject = newSubject();
            object(writer(), subject, purpose).then().statusCode(201);
            object(writer(), subject, purpose).then().statusCode(200);
            decides(subject, purpose, false, "OBJECTED");
            UUID other = newSubject();
            decides(other, purpose, true, "LEGAL_BASIS");

            as(dpo()).body(Map.of("grounds", "Evidence kept for a pending legal claim (Art. 21(1))"))
                    .put("/api/v1/subjects/" + subject + "/objections/" + purpose + "/compelling-grounds")
                    .then().statusCode(200).body("compellingGrounds.grounds", equalTo("Evidence kept for a pending legal claim (Art. 21(1))"))
                    .body("compellingGrounds.recordedBy", equalTo(Art6JustificationTest.dpoActor()))
                    .body("compellingGrounds.recordedAt", notNullValue());
            decides(subject, purpose, true, "COMPELLING_GROUNDS");
            assertThat(Db.rows(db, "select grounds_by from objection where subject_id = ?", subject))
                    .singleElement().isEqualTo(Map.of("grounds_by", Art6JustificationTest.dpoActor()));
        }

        @Test
        void groundsNeedAnObjection() {
            as(dpo()).body(Map.of("grounds", "x")).put("/api/v1/subjects/" + newSubject() + "/objections/"
                    + interestPurpose(false) + "/compelling-grounds").then().statusCode(404);
        }
    }

    @Nested
    class ForContract {
        @Test
        void art21DoesNotApplyAndNothingIsRestricted() {
            String purpose = (String) createPurpose(contractPurpose(unique("art21-contract"))).get("key");
            UUID subject = newSubject();
            object(writer(), subject, purpose).then().statusCode(422).contentType("application/problem+json");
            assertThat(Db.count(db, "select count(*) from objection where subject_id = ?", subject)).isZero();
            decides(subject, purpose, true, "LEGAL_BASIS");
            as(reader()).get("/api/v1/subjects/" + subject).then().statusCode(200).body("restricted", is(false));
        }
    }

    @Nested
    class ThePrivacyCenter {
        @Test
        void offersAnObjectionOnlyWhereArt21AppliesAndRecordsIt() {
            String interest = interestPurpose(false);
            String contract = (String) createPurpose(contractPurpose(unique("art21-pc-contract"))).get("key");
            String email = email();
            UUID subject = resolve(email);
            PrivacyVisitor visitor = PrivacyVisitor.verified(mailbox, email);
            assertThat(objectionForm(visitor.page(), interest)).isTrue();
            assertThat(objectionForm(visitor.page(), contract)).isFalse();
            assertThat(visitor.page()).doesNotContain("value=\"OBJECTION\"");

            visitor.post("/privacy/me/objections", Map.of("purpose", interest)).then().statusCode(303);
            assertThat(Db.rows(db, "select recorded_by from objection where subject_id = ?", subject))
                    .singleElement().isEqualTo(Map.of("recorded_by", "privacy-center"));
            decides(subject, interest, false, "OBJECTED");
            visitor.get("/privacy/me").then().statusCode(200);
            assertThat(objectionForm(visitor.page(), interest)).isFalse();

            visitor.post("/privacy/me/objections", Map.of("purpose", contract)).then().statusCode(422);
            assertThat(Db.count(db, "select count(*) from objection where subject_id = ? and purpose_key = ?", subject, contract))
                    .isZero();
        }

        private boolean objectionForm(String page, String purpose) {
            int start = page.indexOf("id=\"purpose-" + purpose + "\"");
            String article = page.substring(start, page.indexOf("</article>", start));
            return article.contains("action=\"/privacy/me/objections\"");
        }
    }

    @Nested
    class ThePurposeRegister {
        @Test
        void carriesTheDirectMarketingFlag() {
            String purpose = interestPurpose(true);
            as(reader()).get("/api/v1/purposes/" + purpose).then().statusCode(200).body("directMarketing", is(true));
            as(auditor()).accept("application/json").get("/api/v1/ropa").then().statusCode(200)
                    .body("activities.find { it.key == '" + purpose + "' }.directMarketing", is(true));
        }
    }
}
