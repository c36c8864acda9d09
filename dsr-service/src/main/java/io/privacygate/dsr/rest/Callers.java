package io.privacygate.dsr.rest;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/** Who is calling, as the API's rules need to know it: a person working requests, or a filing service. */
final class Callers {
    private Callers() {
    }

    /** People who work requests see the requester's identifiers and free text; services do not. */
    static boolean isOperator(SecurityIdentity identity) {
        return identity.hasRole(DPO) || identity.hasRole(PRIVACY_OPERATOR);
    }

    /**
     * The calling client, as the identity provider names it in the token ({@code azp}); null when there is none.
     * A filing service acts only within the allow-list of this id ({@code IntakeRights}).
     */
    static String clientId(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("azp") instanceof String azp
                ? azp : null;
    }
}
