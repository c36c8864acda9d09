package io.privacygate.ingestion.client;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Opens erasure requests in dsr-service for Meta's data deletion callbacks. Each call carries the
 * confirmation code as its idempotency key, since a lost answer makes us send it again.
 */
@ApplicationScoped
public class DsrClient {
    static final String CHANNEL = "meta-data-deletion";
    private final DsrApi api;

    DsrClient(@RestClient DsrApi api) {
        this.api = api;
    }

    public Uni<DsrApi.RequestView> openErasure(String confirmationCode, String facebookUserId, Instant receivedAt) {
        DsrApi.OpenRequest request = new DsrApi.OpenRequest("ERASURE",
                List.of(new Identifier(IdentifierType.FACEBOOK, facebookUserId)), CHANNEL,
                "Meta data deletion callback, confirmation code " + confirmationCode, receivedAt);
        return api.open(confirmationCode, request);
    }

    /** The person was verified by Meta's signature over the callback. */
    public Uni<DsrApi.RequestView> verifyByPlatform(String confirmationCode, UUID requestId) {
        DsrApi.Verification verification = new DsrApi.Verification("PLATFORM_SIGNED",
                "Meta signed_request, HMAC-SHA256 under the app secret, verified on receipt");
        return api.verify(confirmationCode + ":verification", requestId, verification);
    }

    public Uni<DsrApi.RequestView> status(UUID requestId) {
        return api.get(requestId);
    }
}
