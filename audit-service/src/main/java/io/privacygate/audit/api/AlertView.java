package io.privacygate.audit.api;

import io.privacygate.audit.model.Alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert as the API shows it. Only pseudonymous references: {@code key} (an actor, a source, a service or a
 * request id), {@code subjectRefs}, and {@code evidence}, the log indexes of the events, to be read at
 * {@code /api/v1/entries/{index}}. {@code evidenceComplete} is false when more events were counted than kept; {@code eventCount} counts an
 * aggregated report (a service's refusals in a minute) by the occurrences it reports.
 */
public record AlertView(UUID id, String rule, String severity, String description, String status, String keyKind, String key,
                 List<String> reasons, List<String> subjectRefs, int subjectCount, long eventCount, List<Long> evidence,
                 boolean evidenceComplete, Instant firstEventAt, Instant lastEventAt, int threshold, String window,
                 Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant escalatedAt, String escalatedBy,
                 UUID breachId) {

    public static AlertView of(Alert alert) {
        return new AlertView(alert.id(), alert.rule().name(), alert.rule().severity().name(), alert.rule().description(),
                alert.status().name(), alert.rule().keyKind().name(), alert.key(), alert.reasons(), alert.subjectRefs(),
                alert.subjectRefs().size(), alert.eventCount(), alert.evidence(), alert.evidenceComplete(),
                alert.firstEventAt(), alert.lastEventAt(), alert.threshold(), alert.window().toString(), alert.raisedAt(),
                alert.acknowledgedAt(), alert.acknowledgedBy(), alert.escalatedAt(), alert.escalatedBy(), alert.breachId());
    }
}
