package io.privacygate.dsr.rest;

import io.quarkus.security.identity.SecurityIdentity;

/** The realm roles dsr-service knows (DESIGN §2). */
final class Roles {
    static final String DPO = "dpo";
    static final String PRIVACY_OPERATOR = "privacy-operator";
    /** Services that file requests on a data subject's behalf (ingestion-service, for Meta's deletion callback). */
    static final String DSR_INTAKE = "dsr-intake";

    private Roles() {
    }

    /** People who work requests see the requester's identifiers and free text; services do not. */
    static boolean isOperator(SecurityIdentity identity) {
        return identity.hasRole(DPO) || identity.hasRole(PRIVACY_OPERATOR);
    }
}
