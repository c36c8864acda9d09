package io.privacygate.commons.oidc;

import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.AbstractTokensProducer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * This service's own client-credentials token, from the default {@code quarkus.oidc-client}: the same source and the
 * same machinery as {@code @OidcClientFilter} on the REST clients. {@link #getTokens()} refreshes an expiring token
 * once for all callers in flight (single flight), so a burst of deliveries costs one token request.
 */
@ApplicationScoped
public class ServiceAccountTokens extends AbstractTokensProducer {

    /** The current access token, fetched or refreshed when needed. */
    public Uni<String> accessToken() {
        return getTokens().map(Tokens::getAccessToken);
    }

    /**
     * Acquire on first use, never at construction: the bean is created on an event-loop thread, where waiting for
     * the token endpoint would block, and a service starts while its OIDC server is down.
     */
    @Override
    protected void initTokens() {
    }
}
