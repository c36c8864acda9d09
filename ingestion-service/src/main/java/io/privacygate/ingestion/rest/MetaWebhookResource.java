package io.privacygate.ingestion.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.privacygate.commons.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Meta's webhooks (Pages, Messenger, Instagram, Lead Ads). Checked by signature, not by token: the body is
 * taken as raw bytes, so that the HMAC covers exactly what Meta signed.
 */
@Path("/webhooks/meta")
@PermitAll
public class MetaWebhookResource {
    static final String SIGNATURE = "X-Hub-Signature-256";
    private static final String META_COMMENT = """
            {"object":"page","entry":[{"id":"1234567890","time":1712345678,"changes":[{"field":"feed","value":{"item":"comment",\
            "verb":"add","comment_id":"98765_1111","post_id":"1234567890_98765","from":{"id":"7001001","name":"Ren\\u00e9e"},\
            "message":"Tr\\u00e8s bien","created_time":1712345678}}]}]}""";
    private final WebhookService webhooks;

    MetaWebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta's subscription check: echoes hub.challenge for the configured verify token")
    @APIResponse(responseCode = "200", description = "The challenge, as sent",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, example = "1158201444")))
    @APIResponse(responseCode = "403", description = "hub.mode is not subscribe, the verify token is wrong, or there is no challenge")
    public String verifyMetaSubscription(@Parameter(description = "Must be subscribe", example = "subscribe") @QueryParam("hub.mode") String mode,
                                         @Parameter(description = "The verify token configured at Meta and here") @QueryParam("hub.verify_token") String token,
                                         @Parameter(description = "Echoed back when the token matches", example = "1158201444") @QueryParam("hub.challenge") String challenge) {
        return webhooks.metaChallenge(mode, token, challenge);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Receive a signed Meta delivery (Pages feed and mentions, leadgen, Messenger, Instagram)",
            description = "The body is verified over its raw bytes against X-Hub-Signature-256, checked to be a payload this "
                    + "service knows, sealed into the inbox, and acknowledged; its events are processed asynchronously.")
    @RequestBody(required = true, description = "The delivery exactly as Meta sent it (JSON, non-ASCII escaped)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "page-comment", value = META_COMMENT)))
    @APIResponse(responseCode = "200", description = "Stored in the inbox (or already waiting there): acknowledged",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, example = "EVENT_RECEIVED")))
    @APIResponse(responseCode = "400", description = "Correctly signed, but not JSON or not a payload this service knows (names the field); nothing was stored")
    @APIResponse(responseCode = "401", description = "X-Hub-Signature-256 is missing or does not verify "
            + "(urn:privacy-gate:problem:invalid-signature); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, example = WebhookProblems.INVALID_SIGNATURE_EXAMPLE))
    @APIResponse(responseCode = "413", description = "The body exceeds the configured limit; nothing was stored")
    @APIResponse(responseCode = "503", description = "The inbox key is unavailable; nothing was stored. Meta retries")
    public Uni<String> receiveMetaWebhook(byte[] body, @Parameter(description = "sha256= and the hex HMAC-SHA256 of the raw body under the app secret",
            example = "sha256=5f2b0c9d1e3a4b6c8d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e") @HeaderParam(SIGNATURE) String signature)
            throws JsonProcessingException {
        return webhooks.receive(Platform.META, body, signature).replaceWith("EVENT_RECEIVED");
    }
}
