package io.privacygate.consent.rest;

/** The realm roles consent-service knows (DESIGN §2), and who may do what with them. */
final class Roles {
    static final String DPO = "dpo";
    static final String PRIVACY_OPERATOR = "privacy-operator";
    static final String AUDITOR = "auditor";
    static final String CONSENT_READER = "consent-reader";
    static final String CONSENT_WRITER = "consent-writer";
    static final String DSR_EXECUTOR = "dsr-executor";

    private Roles() {
    }
}
