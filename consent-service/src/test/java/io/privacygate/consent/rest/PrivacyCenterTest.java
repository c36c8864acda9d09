package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.LogCapture;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.auditor;
import static io.privacygate.consent.rest.Fixtures.consentPurpose;
import static io.privacygate.consent.rest.Fixtures.contractPurpose;
import static io.privacygate.consent.rest.Fixtures.createPurpose;
import static io.privacygate.consent.rest.Fixtures.crmAgent;
import static io.privacygate.consent.rest.Fixtures.decision;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.grant;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.resolve;
import static io.privacygate.consent.rest.Fixtures.unique;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The privacy center over HTTP, as a browser uses it: notices, one-time codes (limits, expiry, attempts, no
 * enumeration), consent changes with evidence and receipts, requests filed in dsr-service (DsrServiceStub, which
 * answers dsr-service's documented contract) and the pages' own protections (CSRF, CSP, GPC).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(DsrServiceStub.class)
class PrivacyCenterTest {
    private static final Pattern CODE = Pattern.compile("(?:Your code|Ihr Code): (\\d+)");

    @Inject
    MockMailbox mailbox;

    @Inject
    AgroalDataSource db;

    String codeFor(String email) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).as("mails to the address").isNotEmpty();
        Matcher m = CODE.matcher(mails.get(mails.size() - 1).getText());
        assertThat(m.find()).as("a code in the mail").isTrue();
        return m.group(1);
    }

    Response askForCode(PrivacyVisitor visitor, String email) {
        visitor.get("/privacy");
        return visitor.post("/privacy/code-request", Map.of("email", email));
    }

    PrivacyVisitor verified(String email) {
        PrivacyVisitor visitor = new PrivacyVisitor();
        askForCode(visitor, email).then().statusCode(303).header("Location", endsWithPath("/privacy/code"));
        visitor.get("/privacy/code").then().statusCode(200);
        visitor.post("/privacy/code", Map.of("code", codeFor(email))).then().statusCode(303)
                .header("Location", endsWithPath("/privacy/me"));
        visitor.get("/privacy/me").then().statusCode(200);
        return visitor;
    }

    static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.anyOf(equalTo(path), org.hamcrest.Matchers.endsWith("8081" + path),
                org.hamcrest.Matchers.matchesPattern("https?://[^/]+" + Pattern.quote(path)));
    }

    @Nested
    class Notices {
        @Test
        void everyPurposeIsExplainedWithItsFactsVersionAndHash() {
            String key = (String) createPurpose(consentPurpose(unique("notice"), "7")).get("key");
            String page = new PrivacyVisitor().get("/privacy?lang=en").then().statusCode(200)
                    .contentType(startsWith("text/html")).extract().asString();
            assertThat(page).contains("id=\"notice-" + key + "\"").contains("Newsletter " + key)
                    .contains("your consent (Art. 6(1)(a) GDPR)").contains("2 years").contains("Mailer Ltd")
                    .contains("sha-256:").contains("lang=\"en\"");
        }

        @Test
        void theDpoWritesThePlainTextPerLanguageAndTheGermanPageShowsIt() {
            String key = (String) createPurpose(consentPurpose(unique("notice"), "3")).get("key");
            Map<String, String> text = Map.of("title", "Unser Newsletter", "body", "Wir schicken Ihnen einmal im Monat Neuigkeiten.");
            String hash = as(dpo()).body(text).put("/api/v1/purposes/" + key + "/notices/de").then().statusCode(200)
                    .body("noticeVersion", equalTo("3")).body("language", equalTo("de"))
                    .extract().path("textHash");
            String page = new PrivacyVisitor().get("/privacy?lang=de").then().statusCode(200).extract().asString();
            assertThat(page).contains("lang=\"de\"").contains("Unser Newsletter")
                    .contains("Wir schicken Ihnen einmal im Monat Neuigkeiten.").contains(hash)
                    .contains("Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)").contains("2 Jahre");
            as(auditor()).get("/api/v1/purposes/" + key + "/notices").then().statusCode(200)
                    .body("[0].textHash", equalTo(hash));
        }

        @Test
        void aLanguageTheCenterDoesNotOfferIsRefused() {
            String key = (String) createPurpose(consentPurpose(unique("notice"), "1")).get("key");
            as(dpo()).body(Map.of("title", "x", "body", "y")).put("/api/v1/purposes/" + key + "/notices/fr")
                    .then().statusCode(400);
            as(dpo()).body(Map.of("title", "x", "body", "y")).put("/api/v1/purposes/no-such-purpose/notices/de")
                    .then().statusCode(404);
        }

        @Test
        void onlyTheDpoWritesNoticeTexts() {
            String key = (String) createPurpose(consentPurpose(unique("notice"), "1")).get("key");
            Map<String, String> text = Map.of("title", "x", "body", "y");
            anonymous().body(text).put("/api/v1/purposes/" + key + "/notices/en").then().statusCode(401);
            as(writer()).body(text).put("/api/v1/purposes/" + key + "/notices/en").then().statusCode(403);
            as(auditor()).body(text).put("/api/v1/purposes/" + key + "/notices/en").then().statusCode(403);
            anonymous().get("/api/v1/purposes/" + key + "/notices").then().statusCode(401);
            as(crmAgent()).get("/api/v1/purposes/" + key + "/notices").then().statusCode(403);
        }

        @Test
        void theLanguageCanBeSwitchedOnEveryPage() {
            String email = email();
            PrivacyVisitor visitor = new PrivacyVisitor();
            askForCode(visitor, email).then().statusCode(303);
            visitor.get("/privacy/code?lang=de").then().statusCode(200).body(containsString("<html lang=\"de\">"))
                    .body(containsString("Sehen Sie in Ihr Postfach"));
            visitor.post("/privacy/code", Map.of("code", codeFor(email))).then().statusCode(303);
            visitor.get("/privacy/me?lang=en").then().statusCode(200).body(containsString("<html lang=\"en\">"));
            visitor.get("/privacy/me").then().statusCode(200).body(containsString("Your choices and rights"));
        }

        @Test
        void theBrowsersLanguageIsChosenWhenNoneIsAsked() {
            new PrivacyVisitor().header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5").get("/privacy").then()
                    .statusCode(200).body(containsString("<html lang=\"de\">"));
            new PrivacyVisitor().header("Accept-Language", "fr-FR").get("/privacy").then()
                    .statusCode(200).body(containsString("<html lang=\"en\">"));
        }
    }

    @Nested
    class PageProtections {
        @Test
        void everyPageHasAStrictContentSecurityPolicyAndNoScripts() {
            PrivacyVisitor visitor = new PrivacyVisitor();
            Response page = visitor.get("/privacy");
            page.then().statusCode(200)
                    .header("Content-Security-Policy", equalTo("default-src 'none'; style-src 'self'; img-src 'self'; "
                            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                    .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store");
            assertThat(page.asString()).doesNotContain("<script").doesNotContain("//cdn").doesNotContain("<iframe")
                    .doesNotContain("<img");
            assertThat(page.getHeader("Set-Cookie")).contains("HttpOnly").containsIgnoringCase("SameSite=Strict")
                    .contains("Path=/privacy");
            given().get("/privacy/assets/privacy.css").then().statusCode(200).contentType(startsWith("text/css"));
        }

        @Test
        void aFormWithoutTheSessionsTokenIsRefused() {
            String email = email();
            PrivacyVisitor visitor = new PrivacyVisitor();
            visitor.get("/privacy");
            visitor.postWithoutToken("/privacy/code-request", Map.of("email", email)).then().statusCode(403)
                    .body(containsString("This form has expired"));
            PrivacyVisitor other = new PrivacyVisitor();
            other.get("/privacy");
            visitor.postWithoutToken("/privacy/code-request", Map.of("email", email, "csrf", other.csrf()))
                    .then().statusCode(403);
            new PrivacyVisitor().postWithoutToken("/privacy/code-request", Map.of("email", email, "csrf", "forged"))
                    .then().statusCode(403);
            assertThat(mailbox.getMailsSentTo(email)).isEmpty();
        }

        @Test
        void theBearerApisStillTakeJsonPosts() {
            String purpose = (String) createPurpose(consentPurpose(unique("api"), "1")).get("key");
            grant(resolve(email()), purpose, "1");
        }

        @Test
        void thePagesAreNotPartOfTheApiDocument() {
            Map<String, Object> paths = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                    .extract().jsonPath().getMap("paths");
            assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/privacy"))
                    .contains("/api/v1/purposes/{key}/notices/{language}");
        }

        @Test
        void aTamperedCookieIsNoSession() {
            PrivacyVisitor visitor = verified(email());
            String tampered = visitor.cookie().substring(0, visitor.cookie().length() - 4) + "AAAA";
            given().redirects().follow(false).cookie("pg_privacy", tampered).get("/privacy/me").then().statusCode(303);
        }
    }

    @Nested
    class Gpc {
        @Test
        void theSignalIsShownAndHonouredWhenTheBrowserSendsIt() {
            new PrivacyVisitor().header("Sec-GPC", "1").get("/privacy").then().statusCode(200)
                    .body(containsString("Your browser asked us not to sell or share your data; we honour it."));
            new PrivacyVisitor().get("/privacy").then().statusCode(200)
                    .body(not(containsString("we honour it")));
            new PrivacyVisitor().header("Sec-GPC", "1").get("/privacy?lang=de").then().statusCode(200)
                    .body(containsString("Ihr Browser hat uns gebeten, Ihre Daten nicht zu verkaufen oder weiterzugeben"));
        }
    }

    @Nested
    class BeforeVerification {
        @Test
        void nothingAboutASubjectIsShown() {
            String email = email();
            String purpose = (String) createPurpose(consentPurpose(unique("hidden"), "1")).get("key");
            UUID receipt = UUID.fromString(Fixtures.record(Fixtures.consent(resolve(email), purpose, "GRANTED", "1"))
                    .then().statusCode(201).extract().path("receiptId"));
            PrivacyVisitor visitor = new PrivacyVisitor();
            visitor.get("/privacy/me").then().statusCode(303).header("Location", endsWithPath("/privacy"));
            visitor.get("/privacy/me/receipts/" + receipt).then().statusCode(303);
            visitor.get("/privacy/me/requests/" + UUID.randomUUID() + "/export").then().statusCode(303);
            askForCode(visitor, email).then().statusCode(303);
            visitor.get("/privacy/me").then().statusCode(303);
            visitor.get("/privacy/me/receipts/" + receipt).then().statusCode(303);
            String codePage = visitor.get("/privacy/code").then().statusCode(200).extract().asString();
            assertThat(codePage).doesNotContain(email).doesNotContain(email.substring(0, email.indexOf('@')));
            visitor.post("/privacy/me/consents", Map.of("purpose", purpose, "state", "WITHDRAWN")).then().statusCode(303)
                    .header("Location", endsWithPath("/privacy"));
            assertThat(Db.count(db, "select count(*) from consent_event where purpose_key = ?", purpose)).isEqualTo(1);
        }
    }

    @Nested
    class Enumeration {
        @Test
        void knownAndUnknownAddressesGetTheSameAnswerAndAMail() {
            String known = email();
            String purpose = (String) createPurpose(consentPurpose(unique("enum"), "1")).get("key");
            grant(resolve(known), purpose, "1");
            String unknown = email();

            PrivacyVisitor a = new PrivacyVisitor();
            PrivacyVisitor b = new PrivacyVisitor();
            Response forKnown = askForCode(a, known);
            Response forUnknown = askForCode(b, unknown);
            assertThat(forKnown.statusCode()).isEqualTo(303).isEqualTo(forUnknown.statusCode());
            assertThat(forKnown.getHeader("Location")).isEqualTo(forUnknown.getHeader("Location"));
            assertThat(headerNames(forKnown)).isEqualTo(headerNames(forUnknown));
            assertThat(forKnown.asString()).isEqualTo(forUnknown.asString());

            String knownPage = a.get("/privacy/code").then().statusCode(200).extract().asString();
            String unknownPage = b.get("/privacy/code").then().statusCode(200).extract().asString();
            assertThat(knownPage.replace(a.csrf(), "TOKEN")).isEqualTo(unknownPage.replace(b.csrf(), "TOKEN"));
            assertThat(mailbox.getMailsSentTo(known)).hasSize(1);
            assertThat(mailbox.getMailsSentTo(unknown)).hasSize(1);
            assertThat(mailbox.getMailsSentTo(known).get(0).getText().replaceAll("\\d{6}", "CODE"))
                    .isEqualTo(mailbox.getMailsSentTo(unknown).get(0).getText().replaceAll("\\d{6}", "CODE"));
        }

        @Test
        void theLimitsAreTheSameForKnownAndUnknownAddresses() {
            String known = email();
            resolve(known);
            String unknown = email();
            for (int i = 0; i < 5; i++) {
                askForCode(new PrivacyVisitor(), known).then().statusCode(303);
                askForCode(new PrivacyVisitor(), unknown).then().statusCode(303);
            }
            String knownPage = askForCode(new PrivacyVisitor(), known).then().statusCode(429).extract().asString();
            String unknownPage = askForCode(new PrivacyVisitor(), unknown).then().statusCode(429).extract().asString();
            assertThat(knownPage.replaceAll("value=\"[^\"]+\"", "")).isEqualTo(unknownPage.replaceAll("value=\"[^\"]+\"", ""));
        }

        private List<String> headerNames(Response response) {
            return response.getHeaders().asList().stream().map(h -> h.getName().toLowerCase())
                    .filter(name -> !name.equals("date")).sorted().toList();
        }
    }

    @Nested
    class RateLimits {
        @Test
        void anAddressGetsFiveCodesAnHourWhateverTheIp() {
            String email = email();
            for (int i = 0; i < 5; i++) {
                askForCode(new PrivacyVisitor(), email).then().statusCode(303);
            }
            askForCode(new PrivacyVisitor(), email).then().statusCode(429)
                    .body(containsString("Too many codes asked for"));
            assertThat(mailbox.getMailsSentTo(email)).hasSize(5);
            assertThat(Db.dump(db, "privacy_rate_limit", "privacy_code")).doesNotContain(email)
                    .doesNotContain(email.substring(0, email.indexOf('@')));
        }

        @Test
        void anIpGetsTwentyCodesAnHourWhateverTheAddress() {
            String ip = PrivacyVisitor.randomIp();
            for (int i = 0; i < 20; i++) {
                askForCode(new PrivacyVisitor(ip), email()).then().statusCode(303);
            }
            String email = email();
            askForCode(new PrivacyVisitor(ip), email).then().statusCode(429);
            assertThat(mailbox.getMailsSentTo(email)).isEmpty();
            askForCode(new PrivacyVisitor(), email).then().statusCode(303);
            assertThat(Db.dump(db, "privacy_rate_limit")).doesNotContain(ip).contains("ip:hmac-sha256:");
        }

        @Test
        void anInvalidAddressIsRefusedWithoutAMail() {
            PrivacyVisitor visitor = new PrivacyVisitor();
            askForCode(visitor, "not-an-address").then().statusCode(400)
                    .body(containsString("This is not an e-mail address"));
        }
    }

    @Nested
    class Codes {
        @Test
        void theCodeIsKeptOnlyAsAnHmac() {
            String email = email();
            askForCode(new PrivacyVisitor(), email).then().statusCode(303);
            String code = codeFor(email);
            String stored = Db.dump(db, "privacy_code");
            assertThat(stored).doesNotContain(email).doesNotContain(code + ",").doesNotContain(" " + code + "]");
        }

        @Test
        void aWrongCodeCountsAndTheFifthVoidsIt() {
            String email = email();
            PrivacyVisitor visitor = new PrivacyVisitor();
            askForCode(visitor, email).then().statusCode(303);
            visitor.get("/privacy/code");
            String right = codeFor(email);
            String wrong = right.equals("000000") ? "111111" : "000000";
            for (int left = 4; left >= 1; left--) {
                visitor.post("/privacy/code", Map.of("code", wrong)).then().statusCode(400)
                        .body(containsString("You have " + left + " more attempts"));
            }
            visitor.post("/privacy/code", Map.of("code", wrong)).then().statusCode(400)
                    .body(containsString("This code can no longer be used"));
            visitor.post("/privacy/code", Map.of("code", right)).then().statusCode(303)
                    .header("Location", endsWithPath("/privacy"));
            visitor.get("/privacy/me").then().statusCode(303);
        }

        @Test
        void anExpiredCodeIsRefused() {
            String email = email();
            PrivacyVisitor visitor = new PrivacyVisitor();
            askForCode(visitor, email).then().statusCode(303);
            visitor.get("/privacy/code");
            Db.execute(db, "update privacy_code set expires_at = now() - interval '1 second' "
                    + "where id = (select id from privacy_code order by created_at desc limit 1)");
            visitor.post("/privacy/code", Map.of("code", codeFor(email))).then().statusCode(400)
                    .body(containsString("The code has expired"));
            visitor.get("/privacy/me").then().statusCode(303);
        }

        @Test
        void aCodeWorksOnceAndOnlyInTheSessionThatAskedForIt() {
            String email = email();
            PrivacyVisitor asker = new PrivacyVisitor();
            askForCode(asker, email).then().statusCode(303);
            asker.get("/privacy/code");
            String code = codeFor(email);
            PrivacyVisitor stranger = new PrivacyVisitor();
            stranger.get("/privacy");
            stranger.post("/privacy/code", Map.of("code", code)).then().statusCode(303)
                    .header("Location", endsWithPath("/privacy"));
            asker.post("/privacy/code", Map.of("code", " " + code.substring(0, 3) + "-" + code.substring(3) + " "))
                    .then().statusCode(303).header("Location", endsWithPath("/privacy/me"));
            assertThat(Db.count(db, "select count(*) from privacy_code where expires_at > now()")).isGreaterThanOrEqualTo(0);
        }
    }

    /** Issue #18, point 9: one live code per address, and a daily cap on wrong codes per address. */
    @Nested
    class Guessing {
        @Test
        void aNewCodeVoidsTheEarlierOnesOfTheAddress() {
            String email = email();
            PrivacyVisitor first = new PrivacyVisitor();
            askForCode(first, email).then().statusCode(303);
            first.get("/privacy/code").then().statusCode(200);
            String firstCode = codeFor(email);
            PrivacyVisitor second = new PrivacyVisitor();
            askForCode(second, email).then().statusCode(303);
            second.get("/privacy/code").then().statusCode(200);
            assertThat(Db.count(db, "select count(*) from privacy_code where address_index = "
                    + "(select address_index from privacy_code order by created_at desc limit 1)")).isEqualTo(1);

            first.post("/privacy/code", Map.of("code", firstCode)).then().statusCode(400)
                    .body(containsString("This code can no longer be used"));
            first.get("/privacy/me").then().statusCode(303);
            second.post("/privacy/code", Map.of("code", codeFor(email))).then().statusCode(303)
                    .header("Location", endsWithPath("/privacy/me"));
        }

        @Test
        void pastTheDaysWrongCodesTheAddressIsLockedAndEvenTheRightCodeAnswersAsAWrongOne() {
            String email = email();
            PrivacyVisitor visitor = spendTheDay(email);
            String right = codeFor(email);
            String locked = visitor.post("/privacy/code", Map.of("code", right)).then().statusCode(400)
                    .body(containsString("You have 2 more attempts")).extract().asString();
            visitor.get("/privacy/me").then().statusCode(303);
            assertThat(Db.count(db, "select failures from privacy_code_failure where day = (now() at time zone 'UTC')::date "
                    + "and address_index = (select address_index from privacy_code order by created_at desc limit 1)"))
                    .isEqualTo(11);

            String other = email();
            PrivacyVisitor fresh = new PrivacyVisitor();
            askForCode(fresh, other).then().statusCode(303);
            fresh.get("/privacy/code");
            String wrong = wrongCode(codeFor(other));
            for (int i = 0; i < 2; i++) {
                fresh.post("/privacy/code", Map.of("code", wrong)).then().statusCode(400);
            }
            String wrongAnswer = fresh.post("/privacy/code", Map.of("code", wrong)).then().statusCode(400)
                    .extract().asString();
            assertThat(locked.replace(visitor.csrf(), "TOKEN")).isEqualTo(wrongAnswer.replace(fresh.csrf(), "TOKEN"));

            int mails = mailbox.getMailsSentTo(email).size();
            askForCode(new PrivacyVisitor(), email).then().statusCode(429)
                    .body(containsString("Too many wrong codes"));
            assertThat(mailbox.getMailsSentTo(email)).hasSize(mails);
        }

        @Test
        void theLockIsTheSameForKnownAndUnknownAddresses() {
            String known = email();
            resolve(known);
            String unknown = email();
            PrivacyVisitor a = spendTheDay(known);
            PrivacyVisitor b = spendTheDay(unknown);
            String forKnown = a.post("/privacy/code", Map.of("code", codeFor(known))).then().statusCode(400)
                    .extract().asString();
            String forUnknown = b.post("/privacy/code", Map.of("code", codeFor(unknown))).then().statusCode(400)
                    .extract().asString();
            assertThat(forKnown.replace(a.csrf(), "TOKEN")).isEqualTo(forUnknown.replace(b.csrf(), "TOKEN"));
            String knownPage = askForCode(new PrivacyVisitor(), known).then().statusCode(429).extract().asString();
            String unknownPage = askForCode(new PrivacyVisitor(), unknown).then().statusCode(429).extract().asString();
            assertThat(knownPage.replaceAll("value=\"[^\"]+\"", ""))
                    .isEqualTo(unknownPage.replaceAll("value=\"[^\"]+\"", ""));
        }

        /**
         * Ten wrong codes (the default daily cap) over three codes asked for in turn, leaving the third one live with
         * three attempts left: 4 + 4 + 2.
         */
        private PrivacyVisitor spendTheDay(String email) {
            PrivacyVisitor visitor = null;
            for (int wrongOnes : new int[] {4, 4, 2}) {
                visitor = new PrivacyVisitor();
                askForCode(visitor, email).then().statusCode(303);
                visitor.get("/privacy/code").then().statusCode(200);
                String wrong = wrongCode(codeFor(email));
                for (int i = 0; i < wrongOnes; i++) {
                    visitor.post("/privacy/code", Map.of("code", wrong)).then().statusCode(400)
                            .body(containsString("more attempts"));
                }
            }
            return visitor;
        }

        private String wrongCode(String right) {
            return right.equals("000000") ? "111111" : "000000";
        }
    }

    @Nested
    class AfterVerification {
        @Test
        void aToggleIsAConsentEventWithEvidenceAndAReceipt() {
            String email = email();
            String purpose = (String) createPurpose(consentPurpose(unique("toggle"), "4")).get("key");
            PrivacyVisitor visitor = verified(email);
            assertThat(visitor.page()).contains("id=\"purpose-" + purpose + "\"").contains("not given");

            Response granted = visitor.header("User-Agent", "PrivacyCenterTest/1.0 (granting)")
                    .post("/privacy/me/consents", Map.of("purpose", purpose, "state", "GRANTED", "noticeVersion", "4"));
            granted.then().statusCode(303);
            String receipt = granted.getHeader("Location").replaceAll(".*saved=([0-9a-f-]{36}).*", "$1");
            Map<String, Object> event = Db.rows(db, "select * from consent_event where purpose_key = ?", purpose).get(0);
            assertThat(event).containsEntry("state", "GRANTED").containsEntry("collection_method", "privacy-center")
                    .containsEntry("form_id", "privacy-center/consents").containsEntry("notice_version", "4")
                    .containsEntry("recorded_by", "privacy-center")
                    .containsEntry("receipt_id", UUID.fromString(receipt));
            assertThat((String) event.get("ip_pseudonym")).startsWith("hmac-sha256:");
            assertThat(event.get("user_agent_encrypted")).isNotNull();
            assertThat((String) event.get("source")).endsWith("/privacy/me");

            UUID subject = (UUID) event.get("subject_id");
            as(reader()).body(decision(subject, purpose, "email")).post("/api/v1/decisions").then().statusCode(200)
                    .body("permitted", is(true));
            String history = as(dpo()).get("/api/v1/subjects/" + subject + "/consents/history").then().statusCode(200)
                    .extract().asString();
            assertThat(history).contains("PrivacyCenterTest/1.0 (granting)");

            visitor.get("/privacy/me").then().statusCode(200).body(containsString("Withdraw consent"));
            visitor.get("/privacy/me/receipts/" + receipt).then().statusCode(200)
                    .contentType(startsWith("application/jose"))
                    .header("Content-Disposition", containsString("attachment"))
                    .body(org.hamcrest.Matchers.matchesPattern("[\\w-]+\\.[\\w-]+\\.[\\w-]+"));

            visitor.post("/privacy/me/consents", Map.of("purpose", purpose, "state", "WITHDRAWN", "noticeVersion", "4"))
                    .then().statusCode(303);
            as(reader()).body(decision(subject, purpose, "email")).post("/api/v1/decisions").then().statusCode(200)
                    .body("permitted", is(false));
            assertThat(Db.count(db, "select count(*) from consent_event where purpose_key = ? and state = 'WITHDRAWN'", purpose))
                    .isEqualTo(1);
            visitor.get("/privacy/me").then().statusCode(200).body(containsString("withdrawn"))
                    .body(containsString("Give consent"));
        }

        @Test
        void theSameChoiceTwiceIsRecordedOnce() {
            String purpose = (String) createPurpose(consentPurpose(unique("twice"), "1")).get("key");
            PrivacyVisitor visitor = verified(email());
            Map<String, String> form = Map.of("purpose", purpose, "state", "GRANTED", "noticeVersion", "1");
            String csrf = visitor.csrf();
            visitor.post("/privacy/me/consents", form).then().statusCode(303);
            visitor.postWithoutToken("/privacy/me/consents", Map.of("csrf", csrf, "purpose", purpose, "state", "GRANTED",
                    "noticeVersion", "1")).then().statusCode(303);
            assertThat(Db.count(db, "select count(*) from consent_event where purpose_key = ?", purpose)).isEqualTo(1);
        }

        @Test
        void purposesNotBasedOnConsentAreExplainedButNotToggled() {
            String purpose = (String) createPurpose(contractPurpose(unique("contract"))).get("key");
            PrivacyVisitor visitor = verified(email());
            assertThat(visitor.page()).contains("id=\"purpose-" + purpose + "\"")
                    .contains("a contract with you (Art. 6(1)(b) GDPR)");
            visitor.post("/privacy/me/consents", Map.of("purpose", purpose, "state", "GRANTED", "noticeVersion", "1"))
                    .then().statusCode(422);
            assertThat(Db.count(db, "select count(*) from consent_event where purpose_key = ?", purpose)).isZero();
        }

        @Test
        void anotherSubjectsReceiptIsNotFound() {
            String purpose = (String) createPurpose(consentPurpose(unique("mine"), "1")).get("key");
            UUID receipt = UUID.fromString(Fixtures.record(Fixtures.consent(resolve(email()), purpose, "GRANTED", "1"))
                    .then().statusCode(201).extract().path("receiptId"));
            PrivacyVisitor visitor = verified(email());
            visitor.get("/privacy/me/receipts/" + receipt).then().statusCode(404);
        }

        @Test
        void signingOutForgetsTheVerification() {
            PrivacyVisitor visitor = verified(email());
            visitor.post("/privacy/sign-out", Map.of()).then().statusCode(303);
            visitor.get("/privacy/me").then().statusCode(303);
        }
    }

    @Nested
    class Requests {
        @Test
        void anAccessRequestArrivesInDsrServiceVerifiedAndItsPackageCanBeDownloaded() {
            String email = email();
            PrivacyVisitor visitor = verified(email);
            Response filed = visitor.post("/privacy/me/requests", Map.of("type", "ACCESS", "details", "Everything, please.",
                    "formKey", visitor.formKey()));
            filed.then().statusCode(303);
            UUID id = UUID.fromString(filed.getHeader("Location").replaceAll(".*filed=([0-9a-f-]{36}).*", "$1"));

            DsrServiceStub.Call file = DsrServiceStub.callsTo("/api/v1/requests").stream()
                    .filter(c -> c.method().equals("POST") && c.path().equals("/api/v1/requests")
                            && c.body().path("identifiers").get(0).path("value").asText().equals(email))
                    .findFirst().orElseThrow();
            assertThat(file.authorization()).startsWith("Bearer ");
            assertThat(file.idempotencyKey()).startsWith("privacy-center-file-");
            assertThat(file.body().path("type").asText()).isEqualTo("ACCESS");
            assertThat(file.body().path("channel").asText()).isEqualTo("privacy-center");
            assertThat(file.body().path("identifiers").get(0).path("type").asText()).isEqualTo("email");
            DsrServiceStub.Call verify = DsrServiceStub.callsTo("/api/v1/requests/" + id + "/verification").get(0);
            assertThat(verify.body().path("method").asText()).isEqualTo("EMAIL_CODE");
            assertThat(verify.body().path("evidence").asText()).contains("One-time code").doesNotContain(email);
            assertThat(DsrServiceStub.REQUESTS.get(id)).containsEntry("status", "VERIFIED");

            String page = visitor.get("/privacy/me").then().statusCode(200).extract().asString();
            assertThat(page).contains("id=\"request-" + id + "\"").contains("verified, waiting to be worked on");
            visitor.get("/privacy/me/requests/" + id + "/export").then().statusCode(404);

            DsrServiceStub.complete(id);
            assertThat(visitor.get("/privacy/me").asString()).contains("/privacy/me/requests/" + id + "/export");
            visitor.get("/privacy/me/requests/" + id + "/export").then().statusCode(200)
                    .contentType("application/zip").header("Content-Disposition", containsString(".zip"));
            verified(email()).get("/privacy/me/requests/" + id + "/export").then().statusCode(404);
        }

        @Test
        void everyTypeOfRequestCanBeFiled() {
            String email = email();
            PrivacyVisitor visitor = verified(email);
            // Objections are offered per purpose, where Art. 21 applies (Art21ObjectionTest), not as a blanket request.
            for (String type : List.of("ACCESS", "PORTABILITY", "RECTIFICATION", "ERASURE", "RESTRICTION")) {
                Map<String, String> form = new HashMap<>(Map.of("type", type, "formKey", visitor.formKey()));
                if (type.equals("RECTIFICATION")) {
                    form.put("correctedEmail", email());
                }
                visitor.post("/privacy/me/requests", form).then().statusCode(303);
                visitor.get("/privacy/me").then().statusCode(200);
            }
            String page = visitor.page();
            assertThat(page).contains("A copy of my data (access)").contains("My data in a machine-readable format")
                    .contains("Correct my data").contains("Erase my data").contains("Restrict the use");
            assertThat(Db.count(db, "select count(*) from privacy_request where filed_at > now() - interval '1 minute'"))
                    .isGreaterThanOrEqualTo(5);
        }

        @Test
        void aRepeatedSubmissionIsOneRequest() {
            PrivacyVisitor visitor = verified(email());
            String key = visitor.formKey();
            String csrf = visitor.csrf();
            String first = visitor.post("/privacy/me/requests", Map.of("type", "ERASURE", "formKey", key))
                    .then().statusCode(303).extract().header("Location");
            String again = visitor.postWithoutToken("/privacy/me/requests", Map.of("csrf", csrf, "type", "ERASURE",
                    "formKey", key)).then().statusCode(303).extract().header("Location");
            assertThat(again).isEqualTo(first);
            assertThat(DsrServiceStub.callsTo("/api/v1/requests").stream()
                    .filter(c -> ("privacy-center-file-" + key).equals(c.idempotencyKey())).count()).isEqualTo(2);
            UUID id = UUID.fromString(first.replaceAll(".*filed=([0-9a-f-]{36}).*", "$1"));
            assertThat(DsrServiceStub.callsTo("/api/v1/requests/" + id + "/verification")).hasSize(2)
                    .allSatisfy(call -> assertThat(call.idempotencyKey()).isEqualTo("privacy-center-verify-" + key));
            assertThat(DsrServiceStub.REQUESTS.get(id)).containsEntry("status", "VERIFIED");
            assertThat(Db.count(db, "select count(*) from privacy_request where dsr_request_id = ?", id)).isEqualTo(1);
        }

        @Test
        void aRectificationNeedsTheCorrectedAddress() {
            PrivacyVisitor visitor = verified(email());
            visitor.post("/privacy/me/requests", Map.of("type", "RECTIFICATION", "formKey", visitor.formKey()))
                    .then().statusCode(400).body(containsString("To correct your address, give the corrected one."));
            visitor.post("/privacy/me/requests", Map.of("type", "SOMETHING", "formKey", visitor.formKey()))
                    .then().statusCode(400);
        }
    }

    @Nested
    class Logs {
        @Test
        void noPageWritesTheAddressToTheLog() {
            Map<String, Level> levels = new HashMap<>();
            for (String category : List.of("io.privacygate", "org.jboss.resteasy.reactive", "io.quarkus.resteasy.reactive",
                    "io.quarkus.rest", "io.quarkus.oidc", "io.quarkus.security", "io.quarkus.vertx.http")) {
                Logger logger = LogContext.getLogContext().getLogger(category);
                levels.put(category, logger.getLevel());
                logger.setLevel(Level.FINE);
            }
            String email = email();
            String purpose = (String) createPurpose(consentPurpose(unique("logs"), "1")).get("key");
            try (LogCapture log = LogCapture.start()) {
                PrivacyVisitor wrong = new PrivacyVisitor();
                askForCode(wrong, email);
                wrong.get("/privacy/code");
                wrong.post("/privacy/code", Map.of("code", "12"));
                askForCode(new PrivacyVisitor(), email + "@@");
                PrivacyVisitor visitor = verified(email);
                visitor.post("/privacy/me/consents", Map.of("purpose", purpose, "state", "GRANTED", "noticeVersion", "1"));
                visitor.post("/privacy/me/requests", Map.of("type", "RECTIFICATION", "correctedEmail", "new." + email,
                        "formKey", visitor.formKey()));
                visitor.get("/privacy/me");
                assertThat(log.lines()).isNotEmpty();
                assertThat(log.lines()).allSatisfy(line -> assertThat(line).doesNotContainIgnoringCase(email)
                        .doesNotContainIgnoringCase(email.substring(0, email.indexOf('@'))));
            } finally {
                levels.forEach((category, level) -> LogContext.getLogContext().getLogger(category).setLevel(level));
            }
        }
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given();
    }
}
