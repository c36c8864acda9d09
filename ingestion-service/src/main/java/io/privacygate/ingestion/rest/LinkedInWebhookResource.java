package io.privacygate.ingestion.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.privacygate.commons.problem.ProblemException;
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
import jakarta.ws.rs.core.Response;

/** LinkedIn's webhooks: the {@code challengeCode} validation, and events signed in {@code X-LI-Signature}. */
@Path("/webhooks/linkedin")
@PermitAll
public class LinkedInWebhookResource {
    static final String SIGNATURE = "X-LI-Signature";
    private final WebhookService webhooks;

    LinkedInWebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    public record ChallengeAnswer(String challengeCode, String challengeResponse) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ChallengeAnswer validate(@QueryParam("challengeCode") String challengeCode) {
        if (challengeCode == null || challengeCode.isBlank()) {
            throw ProblemException.invalidField("challengeCode", "is required");
        }
        return new ChallengeAnswer(challengeCode, webhooks.linkedInChallengeResponse(challengeCode));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> receive(byte[] body, @HeaderParam(SIGNATURE) String signature) throws JsonProcessingException {
        return webhooks.receive(Platform.LINKEDIN, body, signature).replaceWith(Response.ok().build());
    }
}
