package io.privacygate.commons.audit;

import io.privacygate.commons.gdpr.LegalBasis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An audit event being described by a service's typed audit class. Subjects are referred to by their
 * pseudonymous id only.
 */
public record AuditEntry(String action, AuditOutcome outcome, String actor, UUID subjectRef, String purpose,
                         LegalBasis legalBasis, Map<String, String> details) {

    public static AuditEntry of(String action, AuditOutcome outcome, String actor) {
        return new AuditEntry(action, outcome, actor, null, null, null, Map.of());
    }

    public AuditEntry subject(UUID subjectId) {
        return new AuditEntry(action, outcome, actor, subjectId, purpose, legalBasis, details);
    }

    public AuditEntry purpose(String purposeKey, LegalBasis basis) {
        return new AuditEntry(action, outcome, actor, subjectRef, purposeKey, basis, details);
    }

    public AuditEntry detail(String key, Object value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(key, String.valueOf(value));
        return new AuditEntry(action, outcome, actor, subjectRef, purpose, legalBasis, Map.copyOf(more));
    }
}
