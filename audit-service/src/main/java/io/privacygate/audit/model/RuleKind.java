package io.privacygate.audit.model;

/** The detection rules, each with the severity of its alerts and what its alerts are keyed by. */
public enum RuleKind {
    BULK_READ("bulk-read", Severity.HIGH, KeyKind.ACTOR,
            "One actor read the personal data of more distinct subjects than allowed within the window (bulk export)"),
    CRM_PURPOSE("crm-purpose", Severity.MEDIUM, KeyKind.ACTOR,
            "CRM data read without a purpose, or for a purpose the subject's data may not serve (Art. 5(1)(b))"),
    DENIED_BURST("denied-burst", Severity.MEDIUM, KeyKind.SOURCE,
            "A burst of denied access or failed webhook signatures from one source"),
    CRYPTO_FAILURES("crypto-failures", Severity.HIGH, KeyKind.SERVICE,
            "Decryption or key-provider failures above the allowed rate"),
    DSR_OVERDUE("dsr-overdue", Severity.MEDIUM, KeyKind.REQUEST,
            "A data subject request passed its Art. 12(3) deadline"),
    PLATFORM_DEADLINE_NEAR("platform-deadline-near", Severity.HIGH, KeyKind.REQUEST,
            "An erasure a platform asked for nears the platform's own deadline (X: 24 hours)"),
    PLATFORM_DEADLINE_MISSED("platform-deadline-missed", Severity.HIGH, KeyKind.REQUEST,
            "An erasure a platform asked for passed the platform's own deadline");

    /** How urgently a person should look. */
    public enum Severity { HIGH, MEDIUM }

    /** What an alert's key names: a pseudonymous actor, a pseudonymous source, a service, or a DSR request id. */
    public enum KeyKind { ACTOR, SOURCE, SERVICE, REQUEST }

    private final String code;
    private final Severity severity;
    private final KeyKind keyKind;
    private final String description;

    RuleKind(String code, Severity severity, KeyKind keyKind, String description) {
        this.code = code;
        this.severity = severity;
        this.keyKind = keyKind;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    public KeyKind keyKind() {
        return keyKind;
    }

    public String description() {
        return description;
    }
}
