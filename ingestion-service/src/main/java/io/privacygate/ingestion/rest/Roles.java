package io.privacygate.ingestion.rest;

/** The realm roles ingestion-service grants access by (DESIGN §2). */
final class Roles {
    static final String DPO = "dpo";
    static final String CRM_AGENT = "crm-agent";
    static final String DSR_EXECUTOR = "dsr-executor";
    /** consent-service's service account, telling subscribers about consent changes. */
    static final String CONSENT_NOTIFIER = "consent-notifier";

    private Roles() {
    }
}
