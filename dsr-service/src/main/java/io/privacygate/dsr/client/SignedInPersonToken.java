package io.privacygate.dsr.client;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Forwards the signed-in person's own access token to the peer (DESIGN §1): the peer applies that person's roles
 * and audits that person, never dsr-service. A request without one (no person signed in) goes without, and the
 * peer refuses it.
 */
@ApplicationScoped
public class SignedInPersonToken implements ClientRequestFilter {
    private final SecurityIdentity identity;

    SignedInPersonToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
