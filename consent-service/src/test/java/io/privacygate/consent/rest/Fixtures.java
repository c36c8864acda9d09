package io.privacygate.consent.rest;

import io.privacygate.testing.Callers;
import io.privacygate.testing.TestTokens;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tokens for each role, and the few calls most tests start from. Every name is unique, so tests share one app. */
final class Fixtures extends Callers {

    private Fixtures() {
    }

    static String reader() {
        return TestTokens.service("ingestion-service", "consent-reader");
    }

    static String writer() {
        return TestTokens.service("ingestion-service", "consent-writer");
    }

    static String dsrExecutor() {
        return TestTokens.service("dsr-service", "dsr-executor");
    }

    static String expired() {
        return TestTokens.expired("dpo", "consent-reader", "consent-writer", "dsr-executor");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> consentPurpose(String key, String noticeVersion) {
        Map<String, Object> purpose = new LinkedHashMap<>();
        purpose.put("key", key);
        purpose.put("title", "Newsletter " + key);
        purpose.put("description", "A monthly newsletter");
        purpose.put("legalBasis", "CONSENT");
        purpose.put("dataCategories", List.of("email", "name"));
        purpose.put("retention", "P2Y");
        purpose.put("recipients", List.of("Mailer Ltd"));
        purpose.put("channels", List.of("email", "web"));
        purpose.put("noticeUrl", "https://example.org/notice/" + key);
        purpose.put("noticeVersion", noticeVersion);
        purpose.put("gpcApplies", true);
        return purpose;
    }

    static Map<String, Object> contractPurpose(String key) {
        Map<String, Object> purpose = consentPurpose(key, "1");
        purpose.put("legalBasis", "CONTRACT");
        purpose.put("basisReference", "Terms of service, section 4");
        purpose.put("gpcApplies", false);
        return purpose;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    static Map<String, Object> createPurpose(Map<String, Object> purpose) {
        as(dpo()).body(purpose).post("/api/v1/purposes").then().statusCode(201);
        return purpose;
    }

    static String createConsentPurpose(String noticeVersion) {
        return (String) createPurpose(consentPurpose(unique("consent"), noticeVersion)).get("key");
    }

    static List<Map<String, String>> identifiers(String... emails) {
        List<Map<String, String>> identifiers = new ArrayList<>();
        for (String email : emails) {
            identifiers.add(Map.of("type", "email", "value", email));
        }
        return identifiers;
    }

    static UUID resolve(String email) {
        return UUID.fromString(as(writer()).body(Map.of("identifiers", identifiers(email)))
                .post("/api/v1/subjects/resolve").then().statusCode(200).extract().path("subjectId"));
    }

    static UUID newSubject() {
        return resolve(email());
    }

    static Map<String, Object> consent(UUID subjectId, String purpose, String state, String noticeVersion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectId", subjectId);
        body.put("purpose", purpose);
        body.put("state", state);
        if (noticeVersion != null) {
            body.put("noticeVersion", noticeVersion);
        }
        body.put("collectionMethod", "web-form");
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("source", "https://shop.example.org/signup");
        evidence.put("formId", "signup-v4");
        evidence.put("ip", "203.0.113.42");
        evidence.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64) " + UUID.randomUUID());
        body.put("evidence", evidence);
        return body;
    }

    static Response record(Map<String, Object> consent) {
        return as(writer()).body(consent).post("/api/v1/consents");
    }

    static UUID grant(UUID subjectId, String purpose, String noticeVersion) {
        return UUID.fromString(record(consent(subjectId, purpose, "GRANTED", noticeVersion)).then().statusCode(201)
                .extract().path("eventId"));
    }

    static Map<String, Object> decision(UUID subjectId, String purpose, String channel) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("subjectId", subjectId);
        query.put("purpose", purpose);
        query.put("channel", channel);
        return query;
    }
}
