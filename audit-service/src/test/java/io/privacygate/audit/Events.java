package io.privacygate.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Events shaped as the services send them (or are to send them), for the detection rules to see. */
public final class Events {
    private Events() {
    }

    public static String user() {
        return "user:" + UUID.randomUUID();
    }

    public static String subject() {
        return UUID.randomUUID().toString();
    }

    public static Map<String, Object> event(String service, String actor, String action, String subjectRef, String purpose,
                                            String outcome, Map<String, String> details) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        event.put("service", service);
        event.put("actor", actor);
        event.put("action", action);
        if (subjectRef != null) {
            event.put("subjectRef", subjectRef);
        }
        if (purpose != null) {
            event.put("purpose", purpose);
            event.put("legalBasis", "CONSENT");
        }
        event.put("outcome", outcome);
        event.put("details", new LinkedHashMap<>(details));
        return event;
    }

    public static Map<String, Object> stored(String subjectRef, String purpose) {
        return event("ingestion-service", "system:ingestion-service", "interaction.stored", subjectRef, purpose, "SUCCESS",
                Map.of("channel", "instagram", "kind", "comment"));
    }

    public static Map<String, Object> crmRead(String actor, String subjectRef, String purpose) {
        return event("ingestion-service", actor, "crm.read", subjectRef, purpose, "SUCCESS", Map.of("resource", "contact", "items", "2"));
    }

    /** As commons' SecurityEventsJob reports refusals: one event per source, status and minute, with their count. */
    public static Map<String, Object> accessDenied(String source, int count) {
        return event("consent-service", "anonymous", "access.denied", null, null, "DENIED",
                Map.of("count", Integer.toString(count), "interval", "PT1M", "status", "401", "source", source));
    }

    public static Map<String, Object> accessDenied(String source) {
        return accessDenied(source, 1);
    }

    /** As ingestion-service's SignatureRejections reports refused webhook signatures, per platform, source and minute. */
    public static Map<String, Object> signatureRejected(String platform, String source, int count) {
        Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return event("ingestion-service", "platform:" + platform, "webhook.signature-rejected", null, null, "DENIED",
                Map.of("platform", platform, "source", source, "count", Integer.toString(count),
                        "from", to.minusSeconds(60).toString(), "to", to.toString()));
    }

    /** As commons' SecurityEventsJob reports a service's key-provider failures in one interval. */
    public static Map<String, Object> cryptoFailure(String service) {
        return event(service, "system:" + service, "crypto.key-unavailable", null, null, "FAILURE",
                Map.of("count", "1", "interval", "PT1M"));
    }

    public static Map<String, Object> overdue(String requestId, String subjectRef) {
        return event("dsr-service", "client:dsr-service", "dsr.request.overdue", subjectRef, null, "FAILURE",
                Map.of("requestId", requestId, "type", "ERASURE", "dueAt", "2026-11-28T10:00:00Z"));
    }

    /** dsr-service's report that a platform's deadline for an erasure is near ({@code near}) or missed. */
    public static Map<String, Object> platformDeadline(String requestId, String subjectRef, boolean near) {
        return event("dsr-service", "client:dsr-service", near ? "dsr.platform-deadline.near" : "dsr.platform-deadline.missed",
                subjectRef, null, "FAILURE",
                Map.of("requestId", requestId, "channel", "x-compliance", "platformDueAt", "2026-11-28T10:00:00Z"));
    }
}
