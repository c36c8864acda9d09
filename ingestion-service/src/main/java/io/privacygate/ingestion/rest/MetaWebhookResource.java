package io.privacygate.ingestion.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.privacygate.ingestion.service.WebhookService;
import io.privacygate.ingestion.webhook.Platform;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Meta's webhooks (Pages, Messenger, Instagram, Lead Ads). Checked by signature, not by token: the body is
 * taken as raw bytes, so that the HMAC covers exactly what Meta signed.
 */
@Path("/webhooks/meta")
@PermitAll
public class MetaWebhookResource {
    static final String SIGNATURE = "X-Hub-Signature-256";
    private final WebhookService webhooks;

    MetaWebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String verifySubscription(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                                     @QueryParam("hub.challenge") String challenge) {
        return webhooks.metaChallenge(mode, token, challenge);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> receive(byte[] body, @HeaderParam(SIGNATURE) String signature) throws JsonProcessingException {
        return webhooks.receive(Platform.META, body, signature).replaceWith("EVENT_RECEIVED");
    }
}
