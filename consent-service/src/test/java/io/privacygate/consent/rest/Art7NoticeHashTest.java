package io.privacygate.consent.rest;

import com.nimbusds.jwt.SignedJWT;
import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
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
import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.consent;
import static io.privacygate.consent.rest.Fixtures.consentPurpose;
import static io.privacygate.consent.rest.Fixtures.createPurpose;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.newSubject;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.record;
import static io.privacygate.consent.rest.Fixtures.unique;
import static io.privacygate.consent.rest.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Art. 7(1): the controller must be able to demonstrate consent, so a consent event records the hash of the notice
 * text actually shown, computed by the suite from the texts registered per language and notice version, never a hash
 * typed by the caller; a consent stating a hash the register does not hold is refused and nothing is stored.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class Art7NoticeHashTest {
    private static final String TITLE = "Our newsletter";
    private static final String BODY = "Once a month we e-mail you what is new.\r\nYou can stop it at any time.";

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    /** The README's canonical form, recomputed here: SHA-256 over language, title and body (NFC, LF line ends, trimmed). */
    static String expectedHash(String language, String title, String body) throws Exception {
        String canonical = language + "\n" + title.strip() + "\n" + body.replace("\r\n", "\n").strip();
        return "sha-256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** A consent purpose at notice version 2 with its English text registered; returns its key. */
    static String purposeWithEnglishText() {
        String key = (String) createPurpose(consentPurpose(unique("art7"), "2")).get("key");
        as(dpo()).body(Map.of("title", TITLE, "body", BODY)).put("/api/v1/purposes/" + key + "/notices/en")
                .then().statusCode(200);
        return key;
    }

    static Map<String, Object> grantShowing(UUID subject, String purpose, String language, String hash) {
        Map<String, Object> body = consent(subject, purpose, "GRANTED", "2");
        body.put("noticeLanguage", language);
        body.put("noticeHash", hash);
        return body;
    }

    @Nested
    class TheRegister {
        @Test
        void computesThePurposesHashFromTheRegisteredTextPerLanguage() throws Exception {
            String key = purposeWithEnglishText();
            as(reader()).get("/api/v1/purposes/" + key).then().statusCode(200)
                    .body("noticeHashes.en", equalTo(expectedHash("en", TITLE, BODY)))
                    .body("noticeHash", equalTo(expectedHash("en", TITLE, BODY)));
        }

        @Test
        void aTypedHashIsNotTakenAsTheNoticesHash() {
            String key = unique("art7-typed");
            createPurpose(with(consentPurpose(key, "1"), "noticeHash", "sha256:typed-by-hand"));
            as(reader()).get("/api/v1/purposes/" + key).then().statusCode(200).body("noticeHash", nullValue());
            assertThat(Db.count(db, "select count(*) from purpose_notice where purpose_key = ?", key)).isZero();
        }
    }

    @Nested
    class AConsent {
        @Test
        void recordsTheHashOfTheTextShownAndItsReceiptCarriesIt() throws Exception {
            String purpose = purposeWithEnglishText();
            String hash = expectedHash("en", TITLE, BODY);
            String receiptId = record(grantShowing(newSubject(), purpose, "en", hash)).then().statusCode(201)
                    .body("noticeHash", equalTo(hash)).body("noticeLanguage", equalTo("en"))
                    .extract().path("receiptId");
            assertThat(Db.rows(db, "select notice_hash, notice_language from consent_event where purpose_key = ?", purpose))
                    .singleElement().isEqualTo(Map.of("notice_hash", hash, "notice_language", "en"));

            String jws = as(dpo()).accept("application/jose").get("/api/v1/receipts/" + receiptId).then().statusCode(200)
                    .extract().asString();
            Map<String, Object> notice = SignedJWT.parse(jws).getJWTClaimsSet().getJSONObjectClaim("notice");
            assertThat(notice).containsEntry("hash", hash).containsEntry("language", "en").containsEntry("version", "2");
        }

        @Test
        void statingAHashTheRegisterDoesNotHoldIsRefusedAndNothingIsStored() {
            String purpose = purposeWithEnglishText();
            UUID subject = newSubject();
            record(grantShowing(subject, purpose, "en", "sha-256:" + "0".repeat(64))).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:unprocessable"));
            assertThat(Db.count(db, "select count(*) from consent_event where subject_id = ?", subject)).isZero();
        }

        @Test
        void aHashForALanguageWithoutARegisteredTextIsRefused() throws Exception {
            String purpose = purposeWithEnglishText();
            UUID subject = newSubject();
            record(grantShowing(subject, purpose, "de", expectedHash("de", TITLE, BODY))).then().statusCode(422)
                    .body("type", equalTo("urn:privacy-gate:problem:unprocessable"));
            assertThat(Db.count(db, "select count(*) from consent_event where subject_id = ?", subject)).isZero();
        }

        @Test
        void aGrantThatDoesNotSayWhichRegisteredTextWasShownIsRefused() {
            String purpose = purposeWithEnglishText();
            UUID subject = newSubject();
            record(consent(subject, purpose, "GRANTED", "2")).then().statusCode(422)
                    .body("type", equalTo("urn:privacy-gate:problem:unprocessable"));
            assertThat(Db.count(db, "select count(*) from consent_event where subject_id = ?", subject)).isZero();
        }

        @Test
        void aTextConsentsRecordedIsKeptAsItWas() throws Exception {
            String purpose = purposeWithEnglishText();
            record(grantShowing(newSubject(), purpose, "en", expectedHash("en", TITLE, BODY))).then().statusCode(201);
            as(dpo()).body(Map.of("title", TITLE, "body", "Quietly changed.")).put("/api/v1/purposes/" + purpose + "/notices/en")
                    .then().statusCode(409).body("type", equalTo("urn:privacy-gate:problem:conflict"));
            assertThat(Db.rows(db, "select body from purpose_notice where purpose_key = ?", purpose))
                    .singleElement().isEqualTo(Map.of("body", BODY.replace("\r\n", "\n")));
        }

        @Test
        void aWithdrawalNeedsNoHash() throws Exception {
            String purpose = purposeWithEnglishText();
            UUID subject = newSubject();
            record(grantShowing(subject, purpose, "en", expectedHash("en", TITLE, BODY))).then().statusCode(201);
            record(consent(subject, purpose, "WITHDRAWN", null)).then().statusCode(201);
        }
    }

    @Nested
    class ThePrivacyCenter {
        @Test
        void sendsTheHashOfTheTextItShowed() throws Exception {
            String purpose = purposeWithEnglishText();
            PrivacyVisitor visitor = PrivacyVisitor.verified(mailbox, email());
            String hash = expectedHash("en", TITLE, BODY);
            assertThat(visitor.page()).contains("name=\"noticeHash\" value=\"" + hash + "\"");
            Map<String, String> form = PrivacyVisitor.consentForm(visitor.page(), purpose);
            visitor.post("/privacy/me/consents", form).then().statusCode(303);
            assertThat(Db.rows(db, "select notice_hash, notice_language from consent_event where purpose_key = ?", purpose))
                    .singleElement().isEqualTo(Map.of("notice_hash", hash, "notice_language", "en"));
        }

        @Test
        void aTextChangedSinceThePageWasShownIsRefused() {
            String purpose = purposeWithEnglishText();
            PrivacyVisitor visitor = PrivacyVisitor.verified(mailbox, email());
            Map<String, String> form = PrivacyVisitor.consentForm(visitor.page(), purpose);
            as(dpo()).body(Map.of("title", TITLE, "body", "A different text.")).put("/api/v1/purposes/" + purpose + "/notices/en")
                    .then().statusCode(200);
            visitor.post("/privacy/me/consents", form).then().statusCode(422);
            assertThat(Db.count(db, "select count(*) from consent_event where purpose_key = ?", purpose)).isZero();
        }
    }
}
