package io.privacygate.dsr.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.privacygate.dsr.rest.Fixtures.REQUESTS;
import static io.privacygate.dsr.rest.Fixtures.anonymous;
import static io.privacygate.dsr.rest.Fixtures.as;
import static io.privacygate.dsr.rest.Fixtures.attest;
import static io.privacygate.dsr.rest.Fixtures.auditor;
import static io.privacygate.dsr.rest.Fixtures.crmAgent;
import static io.privacygate.dsr.rest.Fixtures.dpo;
import static io.privacygate.dsr.rest.Fixtures.email;
import static io.privacygate.dsr.rest.Fixtures.executor;
import static io.privacygate.dsr.rest.Fixtures.expired;
import static io.privacygate.dsr.rest.Fixtures.file;
import static io.privacygate.dsr.rest.Fixtures.fileFor;
import static io.privacygate.dsr.rest.Fixtures.get;
import static io.privacygate.dsr.rest.Fixtures.identifiers;
import static io.privacygate.dsr.rest.Fixtures.intake;
import static io.privacygate.dsr.rest.Fixtures.operator;
import static io.privacygate.dsr.rest.Fixtures.platformUserId;
import static io.privacygate.dsr.rest.Fixtures.privacyCenter;
import static io.privacygate.dsr.rest.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class VerificationTest {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    static String path(String id) {
        return REQUESTS + "/" + id + "/verification";
    }

    static Map<String, Object> emailCode(String code) {
        return code == null ? Map.of("method", "EMAIL_CODE") : Map.of("method", "EMAIL_CODE", "code", code);
    }

    String codeSentTo(String address) {
        List<Mail> mails = mailbox.getMailsSentTo(address);
        assertThat(mails).isNotEmpty();
        Matcher matcher = CODE.matcher(mails.get(mails.size() - 1).getText());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** The blind index of the request's e-mail address: what the failures are counted under. */
    String addressIndex(String requestId) {
        return (String) Db.rows(db, "select blind_index from dsr_request_identifier where request_id = ? and type = 'EMAIL'",
                Db.uuid(requestId)).get(0).get("blind_index");
    }

    static String wrongFor(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    List<String> steps(String id) {
        return Db.rows(db, "select step from dsr_task where request_id = ? order by step", Db.uuid(id)).stream()
                .map(row -> (String) row.get("step")).toList();
    }

    static String fileAsIntake() {
        return as(intake()).body(request("ERASURE", List.of(Map.of("type", "facebook", "value", platformUserId()))))
                .post(REQUESTS).then().statusCode(201).extract().path("id");
    }

    static String fileAsPrivacyCenter() {
        return as(privacyCenter()).body(request("ACCESS", identifiers(email()))).post(REQUESTS).then().statusCode(201)
                .extract().path("id");
    }

    @Nested
    class WithoutToken {
        @Test
        void isRejected() {
            String id = fileFor("ACCESS", email());
            anonymous().body(Map.of("method", "OPERATOR_ATTESTED", "evidence", "x")).post(path(id)).then().statusCode(401);
            as(expired()).body(Map.of("method", "OPERATOR_ATTESTED", "evidence", "x")).post(path(id)).then().statusCode(401);
        }
    }

    @Nested
    class AsAuditorCrmAgentOrParticipant {
        @Test
        void isForbidden() {
            String id = fileFor("ACCESS", email());
            for (String token : List.of(auditor(), crmAgent(), executor())) {
                as(token).body(Map.of("method", "OPERATOR_ATTESTED", "evidence", "x")).post(path(id)).then().statusCode(403);
            }
        }
    }

    @Nested
    class AsIntakeService {
        @Test
        void attestsAPlatformSignatureOnlyForTheRequestsItFiled() {
            String others = fileFor("ERASURE", email());
            as(intake()).body(Map.of("method", "PLATFORM_SIGNED", "evidence", "x")).post(path(others)).then().statusCode(404);
            String id = fileAsIntake();
            as(intake()).body(Map.of("method", "OPERATOR_ATTESTED", "evidence", "x")).post(path(id)).then().statusCode(403);
            as(intake()).body(Map.of("method", "PLATFORM_SIGNED", "evidence", "Meta signed_request verified"))
                    .post(path(id)).then().statusCode(200)
                    .body("status", equalTo("VERIFIED"))
                    .body("verification.method", equalTo("PLATFORM_SIGNED"))
                    .body("verification.verifiedBy", equalTo("client:ingestion-service"));
        }
    }

    /** The privacy center: it e-mails and checks a code itself, and records here that it did. */
    @Nested
    class AsPrivacyCenter {
        @Test
        void recordsAnEmailCodeItCheckedItselfOnTheRequestsItFiled() {
            String id = fileAsPrivacyCenter();
            as(privacyCenter()).body(Map.of("method", "EMAIL_CODE", "evidence", "code e-mailed by the privacy center, entered in time"))
                    .post(path(id)).then().statusCode(200)
                    .body("status", equalTo("VERIFIED"))
                    .body("verification.method", equalTo("EMAIL_CODE"))
                    .body("verification.verifiedBy", equalTo("client:consent-service"));
            Map<String, Object> row = Db.rows(db, "select verification_method, verification_evidence_encrypted from dsr_request where id = ?",
                    Db.uuid(id)).get(0);
            assertThat(row.get("verification_method")).isEqualTo("EMAIL_CODE");
            assertThat(String.valueOf(row.get("verification_evidence_encrypted"))).doesNotContain("privacy center");
        }

        @Test
        void mustSayWhatItCheckedAndSendsNoCodeHere() {
            String id = fileAsPrivacyCenter();
            as(privacyCenter()).body(emailCode(null)).post(path(id)).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("evidence"));
            as(privacyCenter()).body(Map.of("method", "EMAIL_CODE", "evidence", "checked", "code", "123456"))
                    .post(path(id)).then().statusCode(400)
                    .body("errors[0].field", equalTo("code"));
            get(id).body("status", equalTo("RECEIVED"));
        }

        @Test
        void cannotVerifyARequestAnotherServiceFiled() {
            String id = fileFor("ACCESS", email());
            as(privacyCenter()).body(Map.of("method", "EMAIL_CODE", "evidence", "checked")).post(path(id)).then()
                    .statusCode(404).contentType("application/problem+json");
            get(id).body("status", equalTo("RECEIVED"));
        }
    }

    @Nested
    class AsRetryingIntakeService {
        @Test
        void aRepeatedVerificationWithTheSameIdempotencyKeyAnswersTheVerifiedRequest() {
            String id = fileAsIntake();
            Map<String, Object> body = Map.of("method", "PLATFORM_SIGNED", "evidence", "Meta signed_request verified");
            String key = "meta-" + UUID.randomUUID() + ":verification";
            as(intake()).header("Idempotency-Key", key).body(body).post(path(id)).then().statusCode(200)
                    .body("status", equalTo("VERIFIED"));
            as(intake()).header("Idempotency-Key", key).body(body).post(path(id)).then().statusCode(200)
                    .body("status", equalTo("VERIFIED"));
            as(intake()).body(body).post(path(id)).then().statusCode(409);
        }
    }

    @Nested
    class AsOperator {
        @Test
        void recordsHowAndByWhomTheRequesterWasVerified() {
            String id = fileFor("ACCESS", email());
            attest(id).statusCode(200)
                    .body("status", equalTo("VERIFIED"))
                    .body("verification.method", equalTo("OPERATOR_ATTESTED"))
                    .body("verification.evidence", equalTo("Passport checked in person"))
                    .body("verification.verifiedBy", startsWith("user:"))
                    .body("verification.verifiedAt", notNullValue());
            Map<String, Object> stored = Db.rows(db, "select verification_evidence_encrypted from dsr_request where id = ?",
                    Db.uuid(id)).get(0);
            assertThat((String) stored.get("verification_evidence_encrypted")).startsWith("v2.").doesNotContain("Passport");
        }

        @Test
        void fansOutNothingBeforeVerificationAndEverythingAfter() {
            String id = fileFor("ERASURE", email());
            Db.resolve(db, id, UUID.randomUUID());
            assertThat(steps(id)).containsExactly("RESOLVE");
            attest(id).statusCode(200);
            assertThat(steps(id)).containsExactly("ERASE", "ERASE", "ERASE", "HISTORY", "PURPOSES", "RESOLVE");
            assertThat(Db.rows(db, "select participant from dsr_task where request_id = ? and step = 'ERASE' order by 1",
                    Db.uuid(id)).stream().map(r -> r.get("participant")).toList())
                    .containsExactly("audit-service", "consent-service", "ingestion-service");
        }

        @Test
        void needsEvidenceOfWhatWasChecked() {
            String id = fileFor("ACCESS", email());
            as(operator()).body(Map.of("method", "OPERATOR_ATTESTED")).post(path(id)).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("evidence"));
            as(operator()).body(Map.of("method", "BY_MAGIC", "evidence", "x")).post(path(id)).then().statusCode(400)
                    .body("errors[0].field", equalTo("method"));
            Fixtures.get(id).body("status", equalTo("RECEIVED"));
        }

        @Test
        void verifiesByAnEmailedCode() {
            String address = email();
            String id = fileFor("ACCESS", address);
            as(operator()).body(emailCode(null)).post(path(id)).then().statusCode(202)
                    .body("status", equalTo("RECEIVED"))
                    .body("verification.pendingCode.attemptsLeft", equalTo(5))
                    .body("verification.pendingCode.expiresAt", notNullValue());
            String code = codeSentTo(address);
            Map<String, Object> stored = Db.rows(db, "select * from dsr_verification_code where request_id = ?", Db.uuid(id)).get(0);
            assertThat((String) stored.get("code_hash")).doesNotContain(code).hasSize(64);
            as(operator()).body(emailCode(code)).post(path(id)).then().statusCode(200)
                    .body("status", equalTo("VERIFIED"))
                    .body("verification.method", equalTo("EMAIL_CODE"));
            assertThat(Db.count(db, "select count(*) from dsr_verification_code where request_id = ?", Db.uuid(id))).isZero();
        }

        /** A table of a million possible codes must be no use without the service's key (keyed HMAC, #23). */
        @Test
        void storesTheCodeAsAKeyedHashNotAsAPlainSaltedOne() throws Exception {
            String address = email();
            String id = fileFor("ACCESS", address);
            as(operator()).body(emailCode(null)).post(path(id)).then().statusCode(202);
            String code = codeSentTo(address);
            Map<String, Object> stored = Db.rows(db, "select * from dsr_verification_code where request_id = ?", Db.uuid(id)).get(0);
            HexFormat hex = HexFormat.of();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(hex.parseHex((String) stored.get("salt")));
            String plain = hex.formatHex(sha256.digest(code.getBytes(StandardCharsets.US_ASCII)));
            assertThat((String) stored.get("code_hash")).hasSize(64).isNotEqualTo(plain);
            assertThat(Db.count(db, "select count(*) from managed_key where name = 'dsr-verification-code'")).isEqualTo(1);
            as(operator()).body(emailCode(code)).post(path(id)).then().statusCode(200).body("status", equalTo("VERIFIED"));
        }

        @Test
        void refusesAWrongCodeAndCountsTheAttempt() {
            String address = email();
            String id = fileFor("ACCESS", address);
            as(operator()).body(emailCode(null)).post(path(id)).then().statusCode(202);
            String wrong = codeSentTo(address).equals("000000") ? "111111" : "000000";
            as(operator()).body(emailCode(wrong)).post(path(id)).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:unprocessable"))
                    .body("detail", containsString("4 attempts left"));
            assertThat(Db.count(db, "select attempts from dsr_verification_code where request_id = ?", Db.uuid(id))).isEqualTo(1);
            Fixtures.get(id).body("status", equalTo("RECEIVED"));
        }

        @Test
        void voidsTheCodeWhenTheAttemptsRunOut() {
            String address = email();
            String id = fileFor("ACCESS", address);
            as(operator()).body(emailCode(null)).post(path(id)).then().statusCode(202);
            String code = codeSentTo(address);
            String wrong = code.equals("000000") ? "111111" : "000000";
            for (int i = 0; i < 4; i++) {
                as(operator()).body(emailCode(wrong)).post(path(id)).then().statusCode(422);
            }
            as(operator()).body(emailCode(wrong)).post(path(id)).then().statusCode(422)
                    .body("detail", containsString("no attempts are left"));
            as(operator()).body(emailCode(code)).post(path(id)).then().statusCode(422)
                    .body("detail", containsString("No verification code is pending"));
            Fixtures.get(id).body("status", equalTo("RECEIVED"));
        }

        @Test
        void voidsTheEarlierCodeWhenANewOneIsSent() {
            String address = email();
            String id = fileFor("ACCESS", address);
            as(operator()).body(emailCode(null)).post(path(id)).then().statusCode(202);
            String first = codeSentTo(address);
            as(operator()).body(emailCode(null)).post(path(id)).then().statusCode(202);
            String second = codeSentTo(address);
            assertThat(Db.count(db, "select count(*) from dsr_verification_code where request_id = ?", Db.uuid(id))).isEqualTo(1);
            if (!first.equals(second)) {
                as(operator()).body(emailCode(first)).post(path(id)).then().statusCode(422);
            }
            as(operator()).body(emailCode(second)).post(path(id)).then().statusCode(200).body("status", equalTo("VERIFIED"));
        }

        /**
         * New codes do not buy new guesses: after max-failures-per-day (10) wrong entries for an address, every code
         * for it is refused until the end of the UTC day, with the very answer a wrong code gets (no oracle).
         */
        @Test
        void locksTheAddressForTheRestOfTheDayAfterTooManyWrongCodesWithTheAnswerOfAWrongCode() {
            String address = email();
            String first = fileFor("ACCESS", address);
            for (int round = 0; round < 2; round++) {
                as(operator()).body(emailCode(null)).post(path(first)).then().statusCode(202);
                String wrong = wrongFor(codeSentTo(address));
                for (int i = 0; i < 5; i++) {
                    as(operator()).body(emailCode(wrong)).post(path(first)).then().statusCode(422);
                }
            }
            String locked = fileFor("ERASURE", address);
            as(operator()).body(emailCode(null)).post(path(locked)).then().statusCode(202);
            String right = codeSentTo(address);
            Map<String, Object> refusedRight = as(operator()).body(emailCode(right)).post(path(locked)).then()
                    .statusCode(422).contentType("application/problem+json").extract().as(Map.class);
            Fixtures.get(locked).body("status", equalTo("RECEIVED"));

            String other = email();
            String unlocked = fileFor("ERASURE", other);
            as(operator()).body(emailCode(null)).post(path(unlocked)).then().statusCode(202);
            Map<String, Object> refusedWrong = as(operator()).body(emailCode(wrongFor(codeSentTo(other))))
                    .post(path(unlocked)).then().statusCode(422).extract().as(Map.class);
            assertThat(refusedRight).isEqualTo(refusedWrong);

            List<Map<String, Object>> counted = Db.rows(db, "select * from dsr_code_failure where address_index = ?",
                    addressIndex(first));
            assertThat(counted).hasSize(1);
            assertThat(((Number) counted.get(0).get("failures")).intValue()).isGreaterThanOrEqualTo(10);
            assertThat(Db.rows(db, "select * from dsr_code_failure").toString()).doesNotContain(address).doesNotContain(other);
        }

        @Test
        void theLockEndsWithTheDay() {
            String address = email();
            String first = fileFor("ACCESS", address);
            for (int round = 0; round < 2; round++) {
                as(operator()).body(emailCode(null)).post(path(first)).then().statusCode(202);
                String wrong = wrongFor(codeSentTo(address));
                for (int i = 0; i < 5; i++) {
                    as(operator()).body(emailCode(wrong)).post(path(first)).then().statusCode(422);
                }
            }
            assertThat(Db.update(db, "update dsr_code_failure set day = day - 1 where address_index = ?",
                    addressIndex(first))).isEqualTo(1);
            as(operator()).body(emailCode(null)).post(path(first)).then().statusCode(202);
            as(operator()).body(emailCode(codeSentTo(address))).post(path(first)).then().statusCode(200)
                    .body("status", equalTo("VERIFIED"));
        }

        @Test
        void refusesAnExpiredCode() {
            String address = email();
            String id = fileFor("ACCESS", address);
            as(operator()).body(emailCode(null)).post(path(id)).then().statusCode(202);
            String code = codeSentTo(address);
            Db.update(db, "update dsr_verification_code set expires_at = now() - interval '1 second' where request_id = ?",
                    Db.uuid(id));
            as(operator()).body(emailCode(code)).post(path(id)).then().statusCode(422)
                    .body("detail", containsString("expired"));
            Fixtures.get(id).body("status", equalTo("RECEIVED"));
        }

        @Test
        void cannotSendACodeWithoutAnEmailAddress() {
            String id = file(request("ERASURE", List.of(Map.of("type", "phone", "value", "+44 20 7946 0958"))))
                    .extract().path("id");
            as(operator()).body(emailCode(null)).post(path(id)).then().statusCode(422)
                    .body("detail", containsString("no e-mail address"));
        }

        @Test
        void verifiesOnlyOnce() {
            String id = fileFor("ACCESS", email());
            attest(id).statusCode(200);
            attest(id).statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:conflict"));
        }

        @Test
        void answersNotFoundForAnUnknownRequest() {
            attest(UUID.randomUUID().toString()).statusCode(404).contentType("application/problem+json");
        }
    }

    @Nested
    class AsDpo {
        @Test
        void verifies() {
            String id = fileFor("ACCESS", email());
            as(dpo()).body(Map.of("method", "OPERATOR_ATTESTED", "evidence", "Called back on the number on file"))
                    .post(path(id)).then().statusCode(200).body("status", equalTo("VERIFIED"));
        }
    }
}
