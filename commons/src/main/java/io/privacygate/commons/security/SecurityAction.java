package io.privacygate.commons.security;

import io.privacygate.commons.audit.AuditOutcome;

/** The security failures reported to the audit log, named as audit-service's detection rules read them. */
public enum SecurityAction {
    ACCESS_DENIED("access.denied", AuditOutcome.DENIED),
    DECRYPTION_FAILED("crypto.decryption-failed", AuditOutcome.FAILURE),
    KEY_UNAVAILABLE("crypto.key-unavailable", AuditOutcome.FAILURE);

    private final String action;
    private final AuditOutcome outcome;

    SecurityAction(String action, AuditOutcome outcome) {
        this.action = action;
        this.outcome = outcome;
    }

    public String action() {
        return action;
    }

    public AuditOutcome outcome() {
        return outcome;
    }
}
