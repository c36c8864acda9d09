package io.privacygate.ingestion.client;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.ingestion.model.DeletionRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Opens erasure requests in dsr-service for platform signals: Meta's data deletion callbacks (channel
 * {@code meta-data-deletion}) and X's user compliance results (channel {@code x-compliance}, contract C2: dsr-service maps
 * the channel to the platform's deadline). Each call carries the confirmation code as its idempotency key, since a lost
 * answer makes us send it again.
 */
@ApplicationScoped
public class DsrClient {
    private final DsrApi api;

    DsrClient(@RestClient DsrApi api) {
        this.api = api;
    }

    public Uni<DsrApi.RequestView> openErasure(String confirmationCode, String channel, String platformUserId, Instant receivedAt) {
        boolean x = DeletionRequest.X_COMPLIANCE.equals(channel);
        DsrApi.OpenRequest request = new DsrApi.OpenRequest("ERASURE",
                List.of(new Identifier(x ? IdentifierType.X : IdentifierType.FACEBOOK, platformUserId)), channel,
                (x ? "X user compliance (batch compliance job), reference " : "Meta data deletion callback, confirmation code ")
                        + confirmationCode, receivedAt);
        return api.open(confirmationCode, request);
    }

    /**
     * The person was verified by the platform: Meta's signature over the callback, or X's own answer about the account
     * (its API, over TLS, under the app's token). dsr-service has no closer method than {@code PLATFORM_SIGNED}.
     */
    public Uni<DsrApi.RequestView> verifyByPlatform(String confirmationCode, String channel, UUID requestId) {
        DsrApi.Verification verification = new DsrApi.Verification("PLATFORM_SIGNED",
                DeletionRequest.X_COMPLIANCE.equals(channel)
                        ? "X batch compliance job (users) result, fetched from X's API over TLS with the app's bearer token"
                        : "Meta signed_request, HMAC-SHA256 under the app secret, verified on receipt");
        return api.verify(confirmationCode + ":verification", requestId, verification);
    }

    public Uni<DsrApi.RequestView> status(UUID requestId) {
        return api.get(requestId);
    }
}
