package io.privacygate.commons.audit;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Names who acted, pseudonymously: the token's subject (a Keycloak user or service-account id), never a
 * user name or an e-mail address.
 */
public final class Actors {
    public static final String ANONYMOUS = "anonymous";

    private Actors() {
    }

    public static String of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String clientId = token.getClaim("azp");
            boolean serviceAccount = token.getClaim("preferred_username") instanceof String name
                    && name.startsWith("service-account-");
            if (serviceAccount && clientId != null) {
                return "client:" + clientId;
            }
            if (token.getSubject() != null) {
                return "user:" + token.getSubject();
            }
        }
        return "user:unknown";
    }
}
