package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.Fixtures;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.ingestion.TestPayloads;
import io.privacygate.ingestion.service.webhook.Hmac;
import io.privacygate.ingestion.service.webhook.LinkedInSignature;
import io.privacygate.ingestion.service.webhook.MetaSignature;
import io.privacygate.ingestion.service.webhook.XSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The platforms' own schemes, over the raw bytes: a good signature is acknowledged, anything else is a 401 with nothing stored. */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class WebhookResourceTest {
    @Inject
    AgroalDataSource dataSource;
    Db db;
    Timestamp before;

    @BeforeEach
    void start() {
        db = new Db(dataSource);
        before = Timestamp.from(Instant.now());
    }

    private long deliveriesSinceStart() {
        return db.count("select count(*) from inbox_delivery where received_at >= ?", before);
    }

    @Nested
    class Meta {
        @Test
        void theSubscriptionChallengeIsEchoedForTheVerifyToken() {
            given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", IngestionTestProfile.META_VERIFY_TOKEN)
                    .queryParam("hub.challenge", "1158201444").get("/webhooks/meta")
                    .then().statusCode(200).body(equalTo("1158201444"));
        }

        @Test
        void aWrongVerifyTokenIsForbidden() {
            given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                    .queryParam("hub.challenge", "1158201444").get("/webhooks/meta").then().statusCode(403);
        }

        @Test
        void aSignedDeliveryWithEscapedUnicodeIsAcknowledged() {
            byte[] body = TestPayloads.bytes("meta-feed-comment.json");
            given().contentType(ContentType.JSON).header("X-Hub-Signature-256", MetaSignature.sign(IngestionTestProfile.META_SECRET, body))
                    .body(body).post("/webhooks/meta")
                    .then().statusCode(200).body(equalTo("EVENT_RECEIVED"));
        }

        @Test
        void aTamperedBodyIsRejectedAndNothingStored() {
            byte[] body = TestPayloads.bytes("meta-messenger.json");
            String signature = MetaSignature.sign(IngestionTestProfile.META_SECRET, body);
            byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Bestellung", "Bestellungen").getBytes(StandardCharsets.UTF_8);
            given().contentType(ContentType.JSON).header("X-Hub-Signature-256", signature).body(tampered).post("/webhooks/meta")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:invalid-signature"));
            assertThat(deliveriesSinceStart()).isZero();
        }

        @Test
        void theSameJsonReSerialisedIsRejected() {
            byte[] body = TestPayloads.bytes("meta-feed-comment.json");
            String signature = MetaSignature.sign(IngestionTestProfile.META_SECRET, body);
            String unescaped = new String(body, StandardCharsets.UTF_8).replace("\\u00e9", "é");
            given().contentType(ContentType.JSON).header("X-Hub-Signature-256", signature)
                    .body(unescaped.getBytes(StandardCharsets.UTF_8)).post("/webhooks/meta").then().statusCode(401);
            assertThat(deliveriesSinceStart()).isZero();
        }

        @Test
        void aMissingSignatureIsRejected() {
            given().contentType(ContentType.JSON).body(TestPayloads.bytes("meta-feed-comment.json")).post("/webhooks/meta")
                    .then().statusCode(401);
            assertThat(deliveriesSinceStart()).isZero();
        }
    }

    @Nested
    class LinkedIn {
        @Test
        void theChallengeIsAnsweredWithHexHmac() {
            String code = "890e4665-4dfe-4ab1-b689-ed553bceeed0";
            given().queryParam("challengeCode", code).get("/webhooks/linkedin")
                    .then().statusCode(200)
                    .body("challengeCode", equalTo(code))
                    .body("challengeResponse", equalTo(HexFormat.of().formatHex(Hmac.sha256(IngestionTestProfile.LINKEDIN_SECRET, code))));
        }

        @Test
        void aChallengeThatIsADeliveryBodyIsRefusedAndItsBodyOnlySignatureDoesNotVerify() {
            // the forgery of issue 18: the challenge answer was the body-only HMAC, which deliveries accepted
            String body = "{\"type\":\"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS\",\"notifications\":[{\"notificationId\":"
                    + Math.abs(System.nanoTime()) + ",\"action\":\"COMMENT\",\"sourcePost\":\"urn:li:share:1\","
                    + "\"organizationalEntity\":\"urn:li:organization:2\",\"actor\":\"urn:li:person:forged\","
                    + "\"lastModifiedAt\":1712345678000}]}";
            given().queryParam("challengeCode", body).get("/webhooks/linkedin")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:validation"))
                    .body("challengeResponse", nullValue())
                    .body(not(containsString("ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS")));
            String bodyOnly = HexFormat.of().formatHex(Hmac.sha256(IngestionTestProfile.LINKEDIN_SECRET, body));
            for (String header : new String[]{bodyOnly, "hmacsha256=" + bodyOnly}) {
                given().contentType(ContentType.JSON).header("X-LI-Signature", header).body(body.getBytes(StandardCharsets.UTF_8))
                        .post("/webhooks/linkedin").then().statusCode(401);
            }
            assertThat(deliveriesSinceStart()).isZero();
        }

        @Test
        void onlyAUuidIsAChallengeCode() {
            for (String code : new String[]{"hmacsha256=abc", "123", "true", "not-a-uuid", "890e4665-4dfe-4ab1-b689-ed553bceeed0x",
                    "{\"a\":1}"}) {
                given().queryParam("challengeCode", code).get("/webhooks/linkedin")
                        .then().statusCode(400).contentType("application/problem+json").body("challengeResponse", nullValue());
            }
        }

        @Test
        void theDocumentedPrefixedHeaderIsAccepted() {
            byte[] body = TestPayloads.bytes("linkedin-social-actions.json");
            given().contentType(ContentType.JSON).header("X-LI-Signature", "hmacsha256=" + LinkedInSignature.sign(IngestionTestProfile.LINKEDIN_SECRET, body))
                    .body(body).post("/webhooks/linkedin").then().statusCode(200);
        }

        @Test
        void aSignedNotificationIsAcknowledgedAndATamperedOneIsNot() {
            byte[] body = TestPayloads.bytes("linkedin-social-actions.json");
            Fixtures.deliverLinkedIn(body).then().statusCode(200);
            given().contentType(ContentType.JSON).header("X-LI-Signature", LinkedInSignature.sign("wrong-secret", body))
                    .body(body).post("/webhooks/linkedin").then().statusCode(401);
        }
    }

    @Nested
    class X {
        @Test
        void theCrcIsAnsweredWithBase64Hmac() {
            given().queryParam("crc_token", "crc-abc").get("/webhooks/x")
                    .then().statusCode(200)
                    .body("response_token", equalTo("sha256=" + Base64.getEncoder()
                            .encodeToString(Hmac.sha256(IngestionTestProfile.X_SECRET, "crc-abc"))));
        }

        @Test
        void aCrcTokenThatIsADeliveryBodyIsRefusedSoItsAnswerCannotSignThatBody() {
            // the forgery of issue 18: the CRC answer for crc_token=<body> was a valid signature of <body>
            String body = "{\"for_user_id\":\"2244994945\",\"tweet_create_events\":[{\"id_str\":\"" + Math.abs(System.nanoTime())
                    + "\",\"created_at\":\"Fri Apr 05 18:14:38 +0000 2026\",\"text\":\"forged\","
                    + "\"user\":{\"id_str\":\"6253282\",\"name\":\"Forged\",\"screen_name\":\"forged\"}}]}";
            given().queryParam("crc_token", body).get("/webhooks/x")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:validation"))
                    .body("response_token", nullValue())
                    .body(not(containsString("forged")));
            assertThat(deliveriesSinceStart()).isZero();
        }

        @Test
        void aCrcTokenThatIsAnyJsonValueOrTooLongOrOfAnotherCharsetIsRefused() {
            for (String token : new String[]{"12345", "-1", "1e5", "true", "false", "null", "\"quoted\"", "a b", "a.b", "a+b",
                    "x".repeat(129)}) {
                given().queryParam("crc_token", token).get("/webhooks/x")
                        .then().statusCode(400).contentType("application/problem+json").body("response_token", nullValue());
            }
        }

        @Test
        void aLongTokenOfTheSafeCharsetIsAnswered() {
            String token = "Zjk3ZTQ2NGItNjU1Ny00YjMzLWFhOWMtNzMwNTA1ZGU1YjVh_-=" + "a".repeat(77);
            given().queryParam("crc_token", token).get("/webhooks/x").then().statusCode(200)
                    .body("response_token", equalTo(XSignature.crcResponse(IngestionTestProfile.X_SECRET, token)));
        }

        @Test
        void aCrcWithoutTokenIsABadRequest() {
            given().get("/webhooks/x").then().statusCode(400).contentType("application/problem+json");
        }

        @Test
        void aSignedDeliveryInRawUtf8IsAcknowledgedAndATamperedOneIsNot() {
            byte[] body = TestPayloads.bytes("x-direct-message.json");
            Fixtures.deliverX(body).then().statusCode(200);
            byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("María", "Maria").getBytes(StandardCharsets.UTF_8);
            given().contentType(ContentType.JSON).header("x-twitter-webhooks-signature", XSignature.sign(IngestionTestProfile.X_SECRET, body))
                    .body(tampered).post("/webhooks/x").then().statusCode(401);
        }
    }
}
