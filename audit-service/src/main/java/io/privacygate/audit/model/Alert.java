package io.privacygate.audit.model;


import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored alert. Pseudonymous throughout: {@code key} is an actor, source, service or request id, subjects are
 * subjectRefs, {@code evidence} the log indexes of the events (capped, {@code evidenceComplete} says whether it
 * holds them all; {@code eventCount} is not capped, and counts a service's aggregated report by its count).
 */
public record Alert(UUID id, RuleKind rule, AlertStatus status, String key, List<String> reasons, List<String> subjectRefs,
                    long eventCount, List<Long> evidence, boolean evidenceComplete, Instant firstEventAt, Instant lastEventAt, int threshold,
                    Duration window, Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant escalatedAt,
                    String escalatedBy, UUID breachId) {
}
