package io.privacygate.commons.security;

/** The realm roles of the suite (DESIGN §2); every service grants access by these names and no others. */
public final class Roles {
    public static final String DPO = "dpo";
    public static final String PRIVACY_OPERATOR = "privacy-operator";
    public static final String AUDITOR = "auditor";
    public static final String CONSENT_READER = "consent-reader";
    public static final String CONSENT_WRITER = "consent-writer";
    public static final String CRM_AGENT = "crm-agent";
    /** dsr-service's service account, carrying out requests on every participant. */
    public static final String DSR_EXECUTOR = "dsr-executor";
    /**
     * Services that file requests on a data subject's behalf (ingestion-service, for Meta's deletion callback; the
     * privacy center), each within its own allow-list.
     */
    public static final String DSR_INTAKE = "dsr-intake";
    /** consent-service's service account, telling subscribers about consent changes. */
    public static final String CONSENT_NOTIFIER = "consent-notifier";
    /** The services whose outbox appends to the audit log. */
    public static final String AUDIT_WRITER = "audit-writer";

    private Roles() {
    }
}
