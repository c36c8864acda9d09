package io.privacygate.dsr.rest;

import io.privacygate.testing.Callers;
import io.privacygate.testing.TestTokens;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tokens for each role and the calls most tests start from. Every identifier is unique, so tests share one app. */
final class Fixtures extends Callers {
    static final String REQUESTS = "/api/v1/requests";

    private Fixtures() {
    }

    /** ingestion-service's account, filing erasures for Meta's deletion callback. */
    static String intake() {
        return TestTokens.service("ingestion-service", "dsr-intake");
    }

    /** consent-service's account: the privacy center, filing the requests people make there under their e-mail. */
    static String privacyCenter() {
        return TestTokens.service("consent-service", "dsr-intake");
    }

    /** A realm client that no intake allow-list names, meant for dsr-service and holding dsr-intake: only intake rights refuse it. */
    static String unlistedIntake() {
        return TestTokens.serviceFor(List.of("dsr-service"), "crm-sync", "dsr-intake");
    }

    /** A service account with the participant role only: it executes requests, it does not file or read them. */
    static String executor() {
        return TestTokens.serviceFor(List.of("dsr-service"), "dsr-service", "dsr-executor"); // aud names dsr-service: the role check refuses it
    }

    static String expired() {
        return TestTokens.expired("dpo", "privacy-operator", "dsr-intake");
    }

    static List<Map<String, Object>> identifiers(String... emails) {
        return Arrays.stream(emails).map(e -> Map.<String, Object>of("type", "email", "value", e)).toList();
    }

    static Map<String, Object> request(String type, Object identifiers) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", type);
        request.put("identifiers", identifiers);
        request.put("channel", "email");
        request.put("details", "Letter from the data subject, ref 42");
        return request;
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    static ValidatableResponse file(Map<String, Object> body) {
        return as(operator()).body(body).post(REQUESTS).then().statusCode(201);
    }

    /** Files a request for a fresh e-mail address and returns its id. */
    static String fileFor(String type, String email) {
        return file(request(type, identifiers(email))).extract().path("id");
    }

    static String fileReceivedAt(String type, Instant receivedAt) {
        return file(with(request(type, identifiers(email())), "receivedAt", receivedAt.toString())).extract().path("id");
    }

    static ValidatableResponse attest(String id) {
        return as(operator()).body(Map.of("method", "OPERATOR_ATTESTED", "evidence", "Passport checked in person"))
                .post(REQUESTS + "/" + id + "/verification").then();
    }

    static List<Map<String, Object>> facebook(String userId) {
        return List.of(Map.of("type", "facebook", "value", userId));
    }

    /** A digit string that no other test uses: a platform user id. */
    static String platformUserId() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000_000L);
    }

    static ValidatableResponse get(String id) {
        return as(operator()).get(REQUESTS + "/" + id).then().statusCode(200);
    }
}
