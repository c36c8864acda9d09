package io.privacygate.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Steps 1–6 of the end-to-end scenario, through the public APIs only, with tokens from the real Keycloak:
 * purposes, a consented lead from a signed Meta webhook, an unconsented comment, GPC, withdrawal, an ACCESS
 * and an ERASURE request, and the audit log's own verification.
 */
@ExtendWith(Suite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyFlowIT {
    private static final String CONSENT = "http://127.0.0.1:8081";
    private static final String INGESTION = "http://127.0.0.1:8082";
    private static final String DSR = "http://127.0.0.1:8083";
    private static final String AUDIT = "http://127.0.0.1:8084";
    private static final String META_APP_SECRET = "dev-only-meta-app-secret";
    private static final Duration PROCESSING = Duration.ofSeconds(60);

    private static final String RUN = Long.toString(System.currentTimeMillis());
    private static final String EMAIL = "lea." + RUN + "@example.org";
    private static final String NAME = "Léa Dupont-" + RUN;
    private static final String FACEBOOK_ID = "77" + RUN;
    private static final String FORM_ID = "4444" + RUN;

    private static UUID subjectId;

    @Test
    @Order(1)
    void aDpoDefinesThePurposes() {
        String dpo = Keycloak.user("demo-dpo");
        definePurpose(dpo, "marketing-leads", "CONSENT", List.of("contact", "name", "form-answers"), true);
        definePurpose(dpo, "social-engagement", "CONSENT", List.of("name", "message-content"), false);
        definePurpose(dpo, "customer-support", "CONTRACT", List.of("name", "message-content"), false);
        given().auth().oauth2(dpo).get(CONSENT + "/api/v1/ropa").then().statusCode(200);
    }

    @Test
    @Order(2)
    void aLeadWithConsentReachesTheCrmEncryptedAtRest() {
        String ingestion = Keycloak.service("ingestion-service");
        // The lead form's consent checkbox, recorded with its evidence; the e-mail and the page-scoped id are linked.
        subjectId = UUID.fromString(given().auth().oauth2(ingestion).contentType(ContentType.JSON)
                .body(Map.of("identifiers", List.of(identifier("email", EMAIL), identifier("facebook", FACEBOOK_ID)),
                        "purpose", "marketing-leads", "state", "GRANTED", "noticeVersion", "1",
                        "collectionMethod", "meta-lead-form",
                        "evidence", Map.of("source", "https://www.facebook.com/ads/lead_gen", "formId", FORM_ID)))
                .post(CONSENT + "/api/v1/consents")
                .then().statusCode(201).extract().path("subjectId"));

        String leadgenId = "5555" + RUN;
        MetaLeads.lead(leadgenId, FORM_ID, EMAIL, NAME);
        deliverMeta("""
                {"object":"page","entry":[{"id":"1234567890","time":%d,"changes":[{"field":"leadgen","value":
                {"ad_id":"23850000000000001","form_id":"%s","leadgen_id":"%s","created_time":%d,"page_id":"1234567890"}}]}]}"""
                .formatted(epoch(), FORM_ID, leadgenId, epoch()));

        String agent = Keycloak.user("demo-agent");
        await().atMost(PROCESSING).untilAsserted(() -> given().auth().oauth2(agent).header("X-Purpose", "marketing-leads")
                .get(INGESTION + "/api/v1/contacts/" + subjectId).then().statusCode(200));
        JsonPath contact = given().auth().oauth2(agent).header("X-Purpose", "marketing-leads")
                .get(INGESTION + "/api/v1/contacts/" + subjectId).then().statusCode(200).extract().jsonPath();
        assertThat(contact.getMap("fields").values()).contains(EMAIL, NAME);

        assertThat(Databases.rowsContaining("ingestion", EMAIL)).as("plaintext e-mail in ingestion's database").isEmpty();
        assertThat(Databases.rowsContaining("ingestion", NAME)).as("plaintext name in ingestion's database").isEmpty();
        assertThat(Databases.rowsContaining("consent", EMAIL)).as("plaintext e-mail in consent's database").isEmpty();
    }

    @Test
    @Order(3)
    void anUnconsentedCommentIsDroppedAndGpcDenies() {
        String stranger = "88" + RUN;
        String comment = "Unconsented comment " + RUN;
        deliverMeta("""
                {"object":"page","entry":[{"id":"1234567890","time":%d,"changes":[{"field":"feed","value":
                {"from":{"id":"%s","name":"Stranger %s"},"message":"%s","post_id":"1234567890_98765",
                 "comment_id":"98765_%s","created_time":%d,"item":"comment","parent_id":"1234567890_98765","verb":"add"}}]}]}"""
                .formatted(epoch(), stranger, RUN, comment, RUN, epoch()));

        String ingestion = Keycloak.service("ingestion-service");
        UUID strangerId = UUID.fromString(given().auth().oauth2(ingestion).contentType(ContentType.JSON)
                .body(Map.of("identifiers", List.of(identifier("facebook", stranger))))
                .post(CONSENT + "/api/v1/subjects/resolve").then().statusCode(200).extract().path("subjectId"));
        String auditor = Keycloak.user("demo-auditor");
        await().atMost(PROCESSING).untilAsserted(() -> assertThat(given().auth().oauth2(auditor)
                .queryParam("subjectRef", strangerId.toString())
                .get(AUDIT + "/api/v1/events").then().statusCode(200).extract().jsonPath().getList("items.event.outcome"))
                .contains("DENIED"));
        assertThat(Databases.rowsContaining("ingestion", comment)).isEmpty();

        Response gpc = given().auth().oauth2(ingestion).header("Sec-GPC", "1").contentType(ContentType.JSON)
                .body(Map.of("subjectId", subjectId.toString(), "purpose", "marketing-leads", "channel", "facebook"))
                .post(CONSENT + "/api/v1/decisions");
        gpc.then().statusCode(200);
        assertThat(gpc.jsonPath().getBoolean("permitted")).isFalse();
    }

    @Test
    @Order(4)
    void afterWithdrawalIngestionForThatPurposeStops() {
        String ingestion = Keycloak.service("ingestion-service");
        given().auth().oauth2(ingestion).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subjectId.toString(), "purpose", "marketing-leads", "state", "WITHDRAWN",
                        "collectionMethod", "privacy-center"))
                .post(CONSENT + "/api/v1/consents").then().statusCode(201);

        // A support message under the contract keeps a record of the subject in the CRM.
        deliverMeta("""
                {"object":"page","entry":[{"id":"1234567890","time":%d,"messaging":[{"sender":{"id":"%s"},
                 "recipient":{"id":"1234567890"},"timestamp":%d,"message":{"mid":"m_%s","text":"Where is my order? %s"}}]}]}"""
                .formatted(epoch(), FACEBOOK_ID, System.currentTimeMillis(), RUN, RUN));
        String leadgenId = "5556" + RUN;
        MetaLeads.lead(leadgenId, FORM_ID, EMAIL, NAME);
        deliverMeta("""
                {"object":"page","entry":[{"id":"1234567890","time":%d,"changes":[{"field":"leadgen","value":
                {"ad_id":"23850000000000001","form_id":"%s","leadgen_id":"%s","created_time":%d,"page_id":"1234567890"}}]}]}"""
                .formatted(epoch(), FORM_ID, leadgenId, epoch()));

        String agent = Keycloak.user("demo-agent");
        await().atMost(PROCESSING).untilAsserted(() -> assertThat(given().auth().oauth2(agent)
                .header("X-Purpose", "customer-support")
                .get(INGESTION + "/api/v1/contacts/" + subjectId + "/interactions").then().statusCode(200)
                .extract().jsonPath().getList("items.purpose")).contains("customer-support"));
        Response decision = given().auth().oauth2(ingestion).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subjectId.toString(), "purpose", "marketing-leads", "channel", "facebook"))
                .post(CONSENT + "/api/v1/decisions");
        assertThat(decision.jsonPath().getBoolean("permitted")).isFalse();
        given().auth().oauth2(agent).header("X-Purpose", "marketing-leads")
                .get(INGESTION + "/api/v1/contacts/" + subjectId + "/interactions").then().statusCode(403);
    }

    @Test
    @Order(5)
    void anAccessRequestIsVerifiedCompletedAndExported() throws IOException {
        String operator = Keycloak.user("demo-operator");
        String id = file(operator, "ACCESS");
        awaitCompleted(operator, id);
        byte[] zip = given().auth().oauth2(operator).get(DSR + "/api/v1/requests/" + id + "/export")
                .then().statusCode(200).extract().asByteArray();
        Map<String, String> files = unzip(zip);
        assertThat(files).containsKey("manifest.json");
        String all = String.join("\n", files.values());
        assertThat(all).as("consent history").contains("GRANTED").contains("WITHDRAWN");
        assertThat(all).as("CRM data").contains("Where is my order? " + RUN);
        assertThat(all).as("processing history from the audit log").contains("consent-service");
    }

    @Test
    @Order(6)
    void anErasureRequestRemovesCrmAndConsentDataAndTheAuditStaysPseudonymous() {
        String operator = Keycloak.user("demo-operator");
        String id = file(operator, "ERASURE");
        awaitCompleted(operator, id);

        assertThat(Databases.count("consent", "select count(*) from subject_key where subject_id = ?", subjectId)).isZero();
        assertThat(Databases.count("ingestion", "select count(*) from subject_key where subject_id = ?", subjectId)).isZero();
        assertThat(Databases.rowsContaining("ingestion", subjectId.toString())).as("rows about the subject in the CRM").isEmpty();
        // consent-service keeps the consent events as pseudonymous proof (Art. 7(1), 17(3)(e)), stripped of evidence.
        assertThat(Databases.rowsContaining("consent", subjectId.toString()))
                .as("rows about the subject in consent-service").isSubsetOf("consent_event", "outbox_message");
        assertThat(Databases.count("consent", "select count(*) from subject where id = ?", subjectId)).isZero();
        assertThat(Databases.count("consent", "select count(*) from consent_event where subject_id = ? "
                + "and (ip_pseudonym is not null or user_agent_encrypted is not null)", subjectId)).isZero();

        String auditor = Keycloak.user("demo-auditor");
        List<Map<String, Object>> history = given().auth().oauth2(auditor).queryParam("subjectRef", subjectId.toString())
                .queryParam("size", 500).get(AUDIT + "/api/v1/events").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(history).isNotEmpty();
        assertThat(history.toString()).doesNotContain(EMAIL).doesNotContain(NAME).doesNotContain(FACEBOOK_ID);
    }

    @Test
    @Order(7)
    void theAuditLogVerifiesAndTheErasureIsProvablyIncluded() throws GeneralSecurityException {
        String auditor = Keycloak.user("demo-auditor");
        await().atMost(PROCESSING).untilAsserted(() -> assertThat(erasureEvent(auditor)).isNotNull());
        Map<String, Object> erasure = erasureEvent(auditor);
        given().auth().oauth2(Keycloak.user("demo-dpo")).post(AUDIT + "/api/v1/checkpoints").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));

        JsonPath verification = given().auth().oauth2(auditor).post(AUDIT + "/api/v1/verification")
                .then().statusCode(200).extract().jsonPath();
        assertThat(verification.getBoolean("valid")).isTrue();

        JsonPath checkpoint = given().auth().oauth2(auditor).get(AUDIT + "/api/v1/checkpoints/latest")
                .then().statusCode(200).extract().jsonPath();
        long treeSize = checkpoint.getLong("treeSize");
        long index = ((Number) erasure.get("index")).longValue();
        JsonPath entry = given().auth().oauth2(auditor).get(AUDIT + "/api/v1/entries/" + index)
                .then().statusCode(200).extract().jsonPath();
        JsonPath proof = given().auth().oauth2(auditor).queryParam("index", index).queryParam("treeSize", treeSize)
                .get(AUDIT + "/api/v1/proofs/inclusion").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> keys = given().get(AUDIT + "/api/v1/checkpoints/keys").then().statusCode(200)
                .extract().jsonPath().getList("keys");

        assertThat(AuditProofs.checkpointSignatureValid(checkpoint.getString("note"), checkpoint.getString("signature"),
                keys, checkpoint.getString("keyId"))).as("checkpoint signature").isTrue();
        assertThat(AuditProofs.inclusionValid(entry.getString("leafData"), index, treeSize, proof.getList("hashes"),
                checkpoint.getString("rootHash"))).as("inclusion of the erasure event").isTrue();
    }

    private static Map<String, Object> erasureEvent(String auditor) {
        List<Map<String, Object>> events = given().auth().oauth2(auditor).queryParam("subjectRef", subjectId.toString())
                .queryParam("size", 500).get(AUDIT + "/api/v1/events").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return events.stream()
                .filter(e -> String.valueOf(((Map<?, ?>) e.get("event")).get("action")).contains("eras"))
                .reduce((first, second) -> second)
                .orElse(null);
    }

    private static String file(String operator, String type) {
        String id = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("type", type, "identifiers", List.of(identifier("email", EMAIL)), "channel", "email",
                        "details", "e2e " + type))
                .post(DSR + "/api/v1/requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("method", "OPERATOR_ATTESTED", "evidence", "Checked the requester's reply from the address on file"))
                .post(DSR + "/api/v1/requests/" + id + "/verification").then().statusCode(org.hamcrest.Matchers.oneOf(200, 202));
        return id;
    }

    private static void awaitCompleted(String operator, String id) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(given().auth().oauth2(operator).get(DSR + "/api/v1/requests/" + id).then().statusCode(200)
                        .extract().jsonPath().getString("status")).isEqualTo("COMPLETED"));
    }

    static void definePurpose(String dpo, String key, String legalBasis, List<String> categories, boolean gpcApplies) {
        Map<String, Object> purpose = new HashMap<>(Map.of("key", key, "title", key, "legalBasis", legalBasis,
                "dataCategories", categories, "retention", "P1Y", "recipients", List.of("crm-team"),
                "channels", List.of("facebook", "messenger", "instagram", "x", "linkedin", "crm"), "noticeUrl", "https://example.org/notice/" + key,
                "noticeVersion", "1", "gpcApplies", gpcApplies));
        if (!legalBasis.equals("CONSENT")) {
            // Issue 20, Art. 6(1): a purpose on another basis is active only with the reference it rests on.
            purpose.put("basisReference", "The customer's service contract, section 4 (answering enquiries)");
        }
        int status = given().auth().oauth2(dpo).contentType(ContentType.JSON).body(purpose)
                .post(CONSENT + "/api/v1/purposes").then().extract().statusCode();
        if (status == 409) {
            given().auth().oauth2(dpo).contentType(ContentType.JSON).body(purpose)
                    .put(CONSENT + "/api/v1/purposes/" + key).then().statusCode(200);
        } else {
            assertThat(status).isEqualTo(201);
        }
    }

    /** A delivery signed as Meta signs it: HMAC-SHA256 of the raw body with the app secret, lower-case hex. */
    static void deliverMeta(String json) {
        byte[] body = json.replace("\n", "").getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=" + hmacHex(body)).body(body)
                .post(INGESTION + "/webhooks/meta").then().statusCode(200);
    }

    static String hmacHex(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(META_APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> identifier(String type, String value) {
        return Map.of("type", type, "value", value);
    }

    private static long epoch() {
        return System.currentTimeMillis() / 1000 - ThreadLocalRandom.current().nextInt(5);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName().replaceAll("^.*/", ""), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
