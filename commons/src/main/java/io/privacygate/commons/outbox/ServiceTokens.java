package io.privacygate.commons.outbox;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** This service's own client-credentials token, fetched once and refreshed when it expires. */
@ApplicationScoped
public class ServiceTokens {
    private final OidcClient client;
    private volatile Tokens current;

    ServiceTokens(OidcClient client) {
        this.client = client;
    }

    public Uni<String> accessToken() {
        Tokens tokens = current;
        if (tokens != null && !tokens.isAccessTokenWithinRefreshInterval() && !tokens.isAccessTokenExpired()) {
            return Uni.createFrom().item(tokens.getAccessToken());
        }
        return client.getTokens().invoke(fresh -> current = fresh).map(Tokens::getAccessToken);
    }
}
