package io.privacygate.audit.service.detection;

import io.privacygate.commons.audit.AuditEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds a log of events as the services send them, with consecutive indexes and a clock that the test moves. */
final class TestLog {
    static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private final List<IndexedEvent> events = new ArrayList<>();
    private long nextIndex;
    private Instant now = START;

    TestLog() {
        this(0);
    }

    TestLog(long firstIndex) {
        this.nextIndex = firstIndex;
    }

    static String subject() {
        return UUID.randomUUID().toString();
    }

    static String user() {
        return "user:" + UUID.randomUUID();
    }

    TestLog after(Duration pause) {
        now = now.plus(pause);
        return this;
    }

    Instant now() {
        return now;
    }

    TestLog add(String service, String actor, String action, String subjectRef, String purpose, String outcome,
               Map<String, String> details) {
        events.add(new IndexedEvent(nextIndex++, new AuditEvent(UUID.randomUUID().toString(), now, service, actor, action,
                subjectRef, purpose, purpose == null ? null : "CONSENT", outcome, details)));
        return this;
    }

    TestLog crmRead(String actor, String subjectRef, String purpose) {
        return add("ingestion-service", actor, "crm.read", subjectRef, purpose, "SUCCESS", Map.of("resource", "contact", "items", "3"));
    }

    TestLog crmReadDenied(String actor, String subjectRef, String purpose) {
        return add("ingestion-service", actor, "crm.read", subjectRef, purpose, "DENIED", Map.of("reason", "NO_CONSENT"));
    }

    TestLog stored(String subjectRef, String purpose) {
        return add("ingestion-service", "system:ingestion-service", "interaction.stored", subjectRef, purpose, "SUCCESS",
                Map.of("channel", "instagram", "kind", "comment"));
    }

    TestLog revoked(String subjectRef, String purpose) {
        return add("ingestion-service", "client:consent-service", "consent.revocation-applied", subjectRef, purpose,
                "SUCCESS", Map.of("state", "WITHDRAWN"));
    }

    TestLog erased(String subjectRef) {
        return add("ingestion-service", "client:dsr-service", "dsr.erased", subjectRef, null, "SUCCESS", Map.of("keyShredded", "true"));
    }

    /**
     * commons' {@code SecurityEventsJob}: one report per source and status and interval (a minute by default), dated
     * at the interval's end, with the number of refusals; the actor is {@code anonymous} for 401 and 403 alike.
     */
    TestLog accessDenied(String source, String status, long count, Duration interval) {
        return add("consent-service", "anonymous", "access.denied", null, null, "DENIED",
                Map.of("count", Long.toString(count), "interval", interval.toString(), "status", status, "source", source));
    }

    TestLog accessDenied(String source, String status, long count) {
        return accessDenied(source, status, count, Duration.ofMinutes(1));
    }

    TestLog accessDenied(String source, String status) {
        return accessDenied(source, status, 1);
    }

    /**
     * ingestion-service's {@code SignatureRejections}: one report per platform and source per window (a minute by
     * default), source a keyed digest of the address cut to 16 hex digits.
     */
    TestLog signatureRejected(String platform, String source, long count) {
        return add("ingestion-service", "platform:" + platform, "webhook.signature-rejected", null, null, "DENIED",
                Map.of("platform", platform, "source", source, "count", Long.toString(count),
                        "from", now.minus(Duration.ofMinutes(1)).toString(), "to", now.toString()));
    }

    /** commons' {@code SecurityEventsJob} again: a service's crypto failures of one kind in the interval. */
    TestLog cryptoFailure(String service, String action, long count) {
        return add(service, "system:" + service, action, null, null, "FAILURE",
                Map.of("count", Long.toString(count), "interval", "PT1M"));
    }

    TestLog cryptoFailure(String service, String action) {
        return cryptoFailure(service, action, 1);
    }

    TestLog overdue(String requestId, String subjectRef) {
        return add("dsr-service", "client:dsr-service", "dsr.request.overdue", subjectRef, null, "FAILURE",
                Map.of("requestId", requestId, "type", "ACCESS", "dueAt", "2026-11-28T10:00:00Z"));
    }

    TestLog consent(String subjectRef) {
        return add("consent-service", user(), "consent.granted", subjectRef, "marketing-leads", "SUCCESS", Map.of("noticeVersion", "3"));
    }

    /** The events added since the last call, as one evaluation gets them. */
    List<IndexedEvent> take() {
        List<IndexedEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }
}
