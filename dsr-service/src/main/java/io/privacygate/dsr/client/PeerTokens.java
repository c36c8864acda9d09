package io.privacygate.dsr.client;

import io.privacygate.commons.outbox.ServiceTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code Authorization} header of dsr-service's own calls: its client-credentials token. */
@ApplicationScoped
public class PeerTokens {
    private final ServiceTokens tokens;

    PeerTokens(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    public Uni<String> bearer() {
        return tokens.accessToken().map(token -> "Bearer " + token);
    }
}
