package io.privacygate.audit;

import io.privacygate.testing.Callers;
import io.privacygate.testing.TestTokens;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;


/** Tokens for each role (the realm's people from {@link Callers}, audit's senders here) and shortcuts for the calls most tests need. */
public final class Api extends Callers {
    private Api() {
    }

    public static String writer() {
        return writer("consent-service");
    }

    /**
     * The token of a service's relay: events are appended only in the name of the service that sends them. Its
     * audience names audit-service whatever the client, as a realm would for any client added as a sender.
     */
    public static String writer(String service) {
        return TestTokens.serviceFor(List.of("audit-service"), service, "audit-writer");
    }

    public static String dsrExecutor() {
        return TestTokens.service("dsr-service", "dsr-executor");
    }

    /** A valid event about {@code subjectRef}, as consent-service's AuditTrail would send it. */
    public static Map<String, Object> event(String subjectRef) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        event.put("service", "consent-service");
        event.put("actor", "user:" + UUID.randomUUID());
        event.put("action", "consent.granted");
        event.put("subjectRef", subjectRef);
        event.put("purpose", "marketing-leads");
        event.put("legalBasis", "CONSENT");
        event.put("outcome", "SUCCESS");
        event.put("details", Map.of("noticeVersion", "3", "channel", "facebook"));
        return event;
    }

    public static Map<String, Object> event() {
        return event(UUID.randomUUID().toString());
    }

    public static Map<String, Object> batch(List<Map<String, Object>> events) {
        return Map.of("events", events);
    }

    /** Appends as the service the events name (consent-service if none does); one batch, one sender. */
    public static ValidatableResponse append(List<Map<String, Object>> events) {
        List<Object> services = events.stream().map(event -> event.get("service")).filter(Objects::nonNull).distinct().toList();
        if (services.size() > 1) {
            throw new IllegalArgumentException("A batch is sent by one service: " + services);
        }
        String sender = services.isEmpty() ? "consent-service" : (String) services.get(0);
        return as(writer(sender)).body(batch(events)).post("/api/v1/events").then();
    }

    /** Appends and answers the indexes given. */
    public static List<Long> appended(List<Map<String, Object>> events) {
        return append(events).statusCode(200).extract().jsonPath().getList("events.index", Long.class);
    }

    /** Makes (or finds) the checkpoint of the current tree, as the DPO. */
    public static Map<String, Object> checkpoint() {
        return as(dpo()).post("/api/v1/checkpoints").then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201))).extract().jsonPath().getMap("");
    }
}
