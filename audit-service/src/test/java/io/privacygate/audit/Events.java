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

    public static Map<String, Object> accessDenied(String source) {
        return event("consent-service", "anonymous", "access.denied", null, null, "DENIED",
                Map.of("status", "401", "source", source, "endpoint", "/api/v1/subjects/{subjectId}"));
    }

    public static Map<String, Object> cryptoFailure(String service) {
        return event(service, "system:" + service, "crypto.key-unavailable", null, null, "FAILURE",
                Map.of("provider", "vault", "operation", "unwrap"));
    }

    public static Map<String, Object> overdue(String requestId, String subjectRef) {
        return event("dsr-service", "client:dsr-service", "dsr.request.overdue", subjectRef, null, "FAILURE",
                Map.of("requestId", requestId, "type", "ERASURE", "dueAt", "2026-11-28T10:00:00Z"));
    }
}
