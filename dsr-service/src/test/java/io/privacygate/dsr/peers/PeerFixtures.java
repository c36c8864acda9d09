package io.privacygate.dsr.peers;

import io.privacygate.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sets up data in the real participants through their own APIs, as their users would: purposes in the
 * register, a subject with a consent, interactions imported into ingestion-service.
 */
final class PeerFixtures {
    static final String REQUESTS = "/api/v1/requests";
    static final String SOCIAL = "social-engagement";
    static final String NEWSLETTER = "marketing-newsletter";
    static final String SOCIAL_RECIPIENT = "CRM Hosting GmbH";
    static final String NEWSLETTER_RECIPIENT = "Mailer Ltd";

    private PeerFixtures() {
    }

    static String dpo() {
        return TestTokens.user("dpo");
    }

    static String operator() {
        return TestTokens.user("privacy-operator");
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification at(String peer, String token) {
        return given().baseUri(Peers.url(peer)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String email() {
        return "person." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static String facebookId() {
        return String.valueOf(1_000_000_000L + (long) (Math.random() * 8_000_000_000L));
    }

    /** The register every test relies on: a social purpose under legitimate interests, a marketing one under consent. */
    static void ensurePurposes() {
        purpose(SOCIAL, "LEGITIMATE_INTERESTS", List.of("name", "message-content"), List.of(SOCIAL_RECIPIENT), List.of("facebook"), false);
        purpose(NEWSLETTER, "CONSENT", List.of("contact"), List.of(NEWSLETTER_RECIPIENT), List.of("email", "web"), true);
    }

    private static void purpose(String key, String basis, List<String> categories, List<String> recipients, List<String> channels,
                                boolean directMarketing) {
        if (at(Peers.CONSENT, dpo()).get("/api/v1/purposes/" + key).statusCode() == 200) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("title", "Purpose " + key);
        body.put("description", "What " + key + " is for");
        body.put("legalBasis", basis);
        body.put("dataCategories", categories);
        body.put("retention", "P1Y");
        body.put("recipients", recipients);
        body.put("channels", channels);
        body.put("noticeUrl", "https://example.org/notice/" + key);
        body.put("noticeVersion", "1");
        body.put("gpcApplies", false);
        body.put("directMarketing", directMarketing);
        int status = at(Peers.CONSENT, dpo()).body(body).post("/api/v1/purposes").statusCode();
        assertThat(status).isIn(201, 409);
        if ("LEGITIMATE_INTERESTS".equals(basis)) {
            // consent-service keeps a legitimate-interests purpose a draft until its balancing test is on record (#20).
            at(Peers.CONSENT, dpo()).body(Map.of("interest", "Test interest", "necessity", "Test necessity", "balance", "Test balance"))
                    .put("/api/v1/purposes/" + key + "/balancing-test").then().statusCode(200);
            at(Peers.CONSENT, dpo()).post("/api/v1/purposes/" + key + "/activation").then().statusCode(200);
        }
    }

    /** A subject known by both identifiers, linked in consent-service. */
    static UUID subject(String email, String facebookId) {
        String id = at(Peers.CONSENT, dpo()).body(Map.of("identifiers", List.of(
                        Map.of("type", "email", "value", email), Map.of("type", "facebook", "value", facebookId))))
                .post("/api/v1/subjects/resolve").then().statusCode(200).extract().path("subjectId");
        return UUID.fromString(id);
    }

    static void grantNewsletter(UUID subjectId) {
        at(Peers.CONSENT, dpo()).body(Map.of("subjectId", subjectId.toString(), "purpose", NEWSLETTER, "state", "GRANTED",
                        "noticeVersion", "1", "collectionMethod", "web-form",
                        "evidence", Map.of("source", "https://example.org/signup", "capturedAt", Instant.now().toString())))
                .post("/api/v1/consents").then().statusCode(201);
    }

    /** A person known to consent-service (newsletter consent) and to ingestion-service (Facebook comments). */
    record Person(String email, String facebookId, UUID subjectId) {
    }

    static Person person(int comments) {
        String email = email();
        String facebook = facebookId();
        UUID subject = PeerFixtures.subject(email, facebook);
        PeerFixtures.grantNewsletter(subject);
        if (comments > 0) {
            PeerFixtures.comment(facebook, subject, comments);
        }
        // The processing history (audit-service) is written through the peers' outboxes: wait until it is there.
        String expected = comments > 0 ? "interaction.stored" : "consent.granted";
        PeerFixtures.await("the history of the subject in audit-service", Duration.ofSeconds(30), () ->
                at(Peers.AUDIT, PeerFixtures.dpo()).get("/api/v1/events?size=500&subjectRef=" + subject).then()
                        .statusCode(200).extract().asString().contains(expected));
        return new Person(email, facebook, subject);
    }

    /**
     * Facebook page comments by the person, delivered to ingestion-service's Meta webhook as Meta would send
     * them (signed with the app secret), and waited for until stored.
     */
    static void comment(String facebookId, UUID subjectId, int count) {
        StringBuilder changes = new StringBuilder();
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < count; i++) {
            changes.append(i == 0 ? "" : ",")
                    .append("{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",")
                    .append("\"comment_id\":\"c-").append(UUID.randomUUID()).append("\",\"post_id\":\"PAGE1_1\",")
                    .append("\"created_time\":").append(now - i).append(",\"from\":{\"id\":\"").append(facebookId)
                    .append("\",\"name\":\"Ann Example\"},\"message\":\"Comment number ").append(i).append("\"}}");
        }
        byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE1\",\"time\":" + now + ",\"changes\":["
                + changes + "]}]}").getBytes(StandardCharsets.UTF_8);
        given().baseUri(Peers.url(Peers.INGESTION)).contentType(ContentType.JSON)
                .header("X-Hub-Signature-256", "sha256=" + hmac(META_APP_SECRET, body))
                .body(body).post("/webhooks/meta").then().statusCode(200);
        await("the comments to be stored", Duration.ofSeconds(60), () -> {
            List<?> stored = at(Peers.INGESTION, TestTokens.service("dsr-service", "dsr-executor"))
                    .get("/dsr/v1/subjects/" + subjectId).then().statusCode(200).extract().path("records.interactions");
            return stored != null && stored.size() >= count;
        });
    }

    /** ingestion-service's development default (application.properties), which its peer runs with. */
    private static final String META_APP_SECRET = "dev-only-meta-app-secret";

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse file(String type, Object identifiers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("identifiers", identifiers);
        body.put("channel", "email");
        return as(operator()).body(body).post(REQUESTS).then().statusCode(201);
    }

    static List<Map<String, String>> byEmail(String email) {
        return List.of(Map.of("type", "email", "value", email));
    }

    static void attest(String id) {
        as(operator()).body(Map.of("method", "OPERATOR_ATTESTED", "evidence", "Identity document checked"))
                .post(REQUESTS + "/" + id + "/verification").then().statusCode(200);
    }

    static ValidatableResponse request(String id) {
        return as(operator()).get(REQUESTS + "/" + id).then().statusCode(200);
    }

    static String status(String id) {
        return request(id).extract().path("status");
    }

    /** Waits for the request to reach a status, failing with what it looks like if it does not. */
    static ValidatableResponse awaitStatus(String id, String status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            ValidatableResponse response = request(id);
            if (status.equals(response.extract().path("status"))) {
                return response;
            }
            sleep(200);
        }
        throw new AssertionError("Request " + id + " did not reach " + status + ": " + request(id).extract().asString());
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            sleep(200);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
