package io.privacygate.ingestion.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.ingestion.api.ChallengeAnswer;
import io.privacygate.ingestion.service.webhook.WebhookService;
import io.privacygate.ingestion.model.Platform;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** LinkedIn's webhooks: the {@code challengeCode} validation, and events signed in {@code X-LI-Signature}. */
@Path("/webhooks/linkedin")
@PermitAll
public class LinkedInWebhookResource {
    static final String SIGNATURE = "X-LI-Signature";
    private final WebhookService webhooks;

    LinkedInWebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "LinkedIn's endpoint validation: answers challengeCode with its HMAC under the client secret")
    @APIResponse(responseCode = "200", description = "The challenge answered")
    @APIResponse(responseCode = "400", description = "challengeCode is missing or not a UUID (a challenge answer must never be "
            + "a delivery's signature); nothing is signed")
    public ChallengeAnswer answerLinkedInChallenge(@Parameter(description = "The code LinkedIn sends", required = true,
            example = "890e4665-4dfe-4ab1-b689-ed553bceeed4") @QueryParam("challengeCode") String challengeCode) {
        if (challengeCode == null || challengeCode.isBlank()) {
            throw ProblemException.invalidField("challengeCode", "is required");
        }
        return new ChallengeAnswer(challengeCode, webhooks.linkedInChallengeResponse(challengeCode));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Receive a signed LinkedIn organization social action notification",
            description = "Verified over the raw bytes against X-LI-Signature (see the README for exactly what is accepted), "
                    + "sealed into the inbox and acknowledged; processed asynchronously.")
    @RequestBody(required = true, description = "The notification exactly as LinkedIn sent it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "comment", value = """
                            {"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[{"notificationId":1234,\
                            "action":"COMMENT","sourcePost":"urn:li:share:6836060950001","organizationalEntity":"urn:li:organization:2414183",\
                            "lastModifiedAt":1712345678000,"decoratedSourcePost":{"entity":"urn:li:share:6836060950001"}}]}""")))
    @APIResponse(responseCode = "200", description = "Stored in the inbox (or already waiting there): acknowledged")
    @APIResponse(responseCode = "400", description = "Correctly signed, but not JSON or not a notification type this service knows; nothing was stored")
    @APIResponse(responseCode = "401", description = "X-LI-Signature is missing or does not verify "
            + "(urn:privacy-gate:problem:invalid-signature); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, example = WebhookProblems.INVALID_SIGNATURE_EXAMPLE))
    @APIResponse(responseCode = "413", description = "The body exceeds the configured limit; nothing was stored")
    @APIResponse(responseCode = "503", description = "The inbox key is unavailable; nothing was stored. LinkedIn retries")
    public Uni<Response> receiveLinkedInWebhook(byte[] body, @Parameter(description = "hmacsha256= (optional) and the hex HMAC-SHA256 of \"hmacsha256=\" followed by the body",
            example = "hmacsha256=5f2b0c9d1e3a4b6c8d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e") @HeaderParam(SIGNATURE) String signature)
            throws JsonProcessingException {
        return webhooks.receive(Platform.LINKEDIN, body, signature).replaceWith(Response.ok().build());
    }
}
