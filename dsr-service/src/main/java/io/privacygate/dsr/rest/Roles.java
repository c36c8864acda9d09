package io.privacygate.dsr.rest;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The realm roles dsr-service knows (DESIGN §2). */
final class Roles {
    static final String DPO = "dpo";
    static final String PRIVACY_OPERATOR = "privacy-operator";
    /**
     * Services that file requests on a data subject's behalf (ingestion-service, for Meta's deletion callback; the
     * privacy center), each within its own allow-list ({@code IntakeRights}).
     */
    static final String DSR_INTAKE = "dsr-intake";

    private Roles() {
    }

    /** People who work requests see the requester's identifiers and free text; services do not. */
    static boolean isOperator(SecurityIdentity identity) {
        return identity.hasRole(DPO) || identity.hasRole(PRIVACY_OPERATOR);
    }

    /** The calling client, as the identity provider names it in the token ({@code azp}); null when there is none. */
    static String clientId(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("azp") instanceof String azp
                ? azp : null;
    }
}
