package io.privacygate.ingestion;

import io.privacygate.ingestion.service.webhook.LinkedInSignature;
import io.privacygate.ingestion.service.webhook.MetaSignature;
import io.privacygate.ingestion.service.webhook.XSignature;
import io.privacygate.testing.PeerService;
import io.privacygate.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/**
 * Tokens, the real consent-service peer, and signed platform deliveries. Every id is fresh, so tests share
 * one application and one peer without seeing each other's data.
 */
public final class Fixtures {
    public static final String ENGAGEMENT = "social-engagement";
    public static final String SUPPORT = "customer-support";
    public static final String LEADS = "marketing-leads";
    private static volatile boolean purposesCreated;

    private Fixtures() {
    }

    public static String dpo() {
        return TestTokens.user("dpo");
    }

    public static String crmAgent() {
        return TestTokens.user("crm-agent");
    }

    public static String auditor() {
        return TestTokens.user("auditor");
    }

    public static String operator() {
        return TestTokens.user("privacy-operator");
    }

    public static String dsrExecutor() {
        return TestTokens.service("dsr-service", "dsr-executor");
    }

    public static String notifier() {
        return TestTokens.service("consent-service", "consent-notifier");
    }

    /** What ingestion-service's own account may do at consent-service, for setting up subjects and consents. */
    public static String consentWriter() {
        return TestTokens.service("ingestion-service", "consent-reader", "consent-writer");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification consentService(String token) {
        return given().baseUri(PeerService.url("consent-service")).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A numeric platform id no other test uses. */
    public static String platformId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L));
    }

    public static String email() {
        return "person." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /**
     * The three purposes the event kinds map to, in the real consent-service's register: engagement and
     * leads rest on consent (and GPC applies to them), support on legitimate interests.
     */
    public static synchronized void ensurePurposes() {
        if (purposesCreated) {
            return;
        }
        createPurpose(ENGAGEMENT, "CONSENT", List.of("name", "message-content"), "P1Y",
                List.of("facebook", "instagram", "linkedin", "x", "crm"), true);
        createPurpose(SUPPORT, "LEGITIMATE_INTERESTS", List.of("name", "message-content"), "P6M",
                List.of("messenger", "instagram", "x", "crm"), false);
        createPurpose(LEADS, "CONSENT", List.of("name", "contact", "form-answers"), "P2Y",
                List.of("facebook", "linkedin", "crm"), true);
        purposesCreated = true;
    }

    private static void createPurpose(String key, String basis, List<String> categories, String retention,
                                      List<String> channels, boolean gpcApplies) {
        if (consentService(dpo()).get("/api/v1/purposes/" + key).statusCode() == 200) {
            return;
        }
        Map<String, Object> purpose = new LinkedHashMap<>();
        purpose.put("key", key);
        purpose.put("title", key);
        purpose.put("description", "Test purpose " + key);
        purpose.put("legalBasis", basis);
        purpose.put("dataCategories", categories);
        purpose.put("retention", retention);
        purpose.put("recipients", List.of("ACME CRM team"));
        purpose.put("channels", channels);
        purpose.put("noticeUrl", "https://example.org/notice/" + key);
        purpose.put("noticeVersion", "1");
        purpose.put("gpcApplies", gpcApplies);
        consentService(dpo()).body(purpose).post("/api/v1/purposes").then().statusCode(201);
        if ("LEGITIMATE_INTERESTS".equals(basis)) {
            // consent-service keeps a legitimate-interests purpose a draft until its balancing test is on record (#20).
            consentService(dpo()).body(Map.of("interest", "Test interest", "necessity", "Test necessity", "balance", "Test balance"))
                    .put("/api/v1/purposes/" + key + "/balancing-test").then().statusCode(200);
            consentService(dpo()).post("/api/v1/purposes/" + key + "/activation").then().statusCode(200);
        }
    }

    public static UUID resolve(String type, String value) {
        return resolve(Map.of("type", type, "value", value));
    }

    @SafeVarargs
    public static UUID resolve(Map<String, String>... identifiers) {
        return UUID.fromString(consentService(consentWriter()).body(Map.of("identifiers", List.of(identifiers)))
                .post("/api/v1/subjects/resolve").then().statusCode(200).extract().path("subjectId"));
    }

    public static UUID consent(UUID subjectId, String purpose, String state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectId", subjectId);
        body.put("purpose", purpose);
        body.put("state", state);
        body.put("noticeVersion", "1");
        body.put("collectionMethod", "social-opt-in");
        body.put("evidence", Map.of("source", "https://example.org/opt-in", "formId", "opt-in-1"));
        return UUID.fromString(consentService(consentWriter()).body(body).post("/api/v1/consents")
                .then().statusCode(201).extract().path("eventId"));
    }

    public static UUID grant(UUID subjectId, String purpose) {
        return consent(subjectId, purpose, "GRANTED");
    }

    /** Escapes every non-ASCII character as Meta does in the bodies it signs. */
    public static String metaEscaped(String json) {
        StringBuilder escaped = new StringBuilder();
        json.chars().forEach(c -> escaped.append(c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return escaped.toString();
    }

    public static String metaComment(String pageId, String userId, String name, String text, String commentId) {
        return metaComment(pageId, userId, name, text, commentId, System.currentTimeMillis() / 1000);
    }

    /** A comment that says it was written at {@code createdTime} (epoch seconds). */
    public static String metaComment(String pageId, String userId, String name, String text, String commentId, long createdTime) {
        return metaEscaped("{\"entry\":[{\"id\":\"" + pageId + "\",\"time\":" + createdTime
                + ",\"changes\":[{\"value\":{\"from\":{\"id\":\"" + userId + "\",\"name\":\"" + name + "\"},"
                + "\"message\":\"" + text + "\",\"post_id\":\"" + pageId + "_1\",\"comment_id\":\"" + commentId + "\","
                + "\"created_time\":" + createdTime + ",\"item\":\"comment\",\"parent_id\":\""
                + pageId + "_1\",\"verb\":\"add\"},\"field\":\"feed\"}]}],\"object\":\"page\"}");
    }

    public static String metaMessage(String pageId, String userId, String text, String mid) {
        return metaEscaped("{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId + "\",\"time\":" + System.currentTimeMillis()
                + ",\"messaging\":[{\"sender\":{\"id\":\"" + userId + "\"},\"recipient\":{\"id\":\"" + pageId + "\"},"
                + "\"timestamp\":" + System.currentTimeMillis() + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}]}]}");
    }

    public static String metaLeadgen(String pageId, String leadId) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId + "\",\"time\":" + (System.currentTimeMillis() / 1000)
                + ",\"changes\":[{\"field\":\"leadgen\",\"value\":{\"ad_id\":\"23850000000000001\",\"form_id\":\"444444444444\","
                + "\"leadgen_id\":\"" + leadId + "\",\"created_time\":" + (System.currentTimeMillis() / 1000)
                + ",\"page_id\":\"" + pageId + "\",\"adgroup_id\":\"23850000000000001\"}}]}]}";
    }

    public static Response deliverMeta(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().contentType(ContentType.JSON).header("X-Hub-Signature-256", MetaSignature.sign(IngestionTestProfile.META_SECRET, bytes))
                .body(bytes).post("/webhooks/meta");
    }

    public static Response deliverLinkedIn(byte[] body) {
        return given().contentType(ContentType.JSON).header("X-LI-Signature", LinkedInSignature.sign(IngestionTestProfile.LINKEDIN_SECRET, body))
                .body(body).post("/webhooks/linkedin");
    }

    public static Response deliverX(byte[] body) {
        return given().contentType(ContentType.JSON)
                .header("x-twitter-webhooks-signature", XSignature.sign(IngestionTestProfile.X_SECRET, body))
                .body(body).post("/webhooks/x");
    }
}
