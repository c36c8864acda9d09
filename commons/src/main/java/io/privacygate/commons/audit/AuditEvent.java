package io.privacygate.commons.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.Map;

/**
 * One event of the processing log, as audit-service receives it. {@code subjectRef} and {@code actor}
 * are pseudonymous ids; {@code details} hold counts, keys and reasons, never personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection // the outbox writes it as JSON by hand, outside any REST signature
public record AuditEvent(String eventId, Instant occurredAt, String service, String actor, String action,
                         String subjectRef, String purpose, String legalBasis, String outcome,
                         Map<String, String> details) {
}
