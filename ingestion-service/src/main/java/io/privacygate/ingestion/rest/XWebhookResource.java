package io.privacygate.ingestion.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.ingestion.api.CrcAnswer;
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

/**
 * X's Account Activity webhooks: the CRC check (answered from memory, well within X's 3 seconds), and
 * events signed in {@code x-twitter-webhooks-signature}.
 */
@Path("/webhooks/x")
@PermitAll
public class XWebhookResource {
    static final String SIGNATURE = "x-twitter-webhooks-signature";
    private final WebhookService webhooks;

    XWebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "X's challenge-response check (CRC): answers crc_token with its HMAC under the consumer secret")
    @APIResponse(responseCode = "200", description = "The CRC answer")
    @APIResponse(responseCode = "400", description = "crc_token is missing, longer than 128 characters, not of A-Z, a-z, 0-9, "
            + "'_', '-', '=', or a JSON value (a challenge answer must never be a delivery's signature); nothing is signed")
    public CrcAnswer answerXCrc(@Parameter(description = "The token X sends", required = true, example = "9b4507b3-9040-4669-9ba5-b4b2c1e5c6f1")
                                @QueryParam("crc_token") String crcToken) {
        if (crcToken == null || crcToken.isBlank()) {
            throw ProblemException.invalidField("crc_token", "is required");
        }
        return new CrcAnswer(webhooks.xCrcResponse(crcToken));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Receive a signed X Account Activity delivery (tweet_create_events, direct_message_events)",
            description = "Verified over the raw bytes against x-twitter-webhooks-signature, sealed into the inbox and "
                    + "acknowledged; processed asynchronously.")
    @RequestBody(required = true, description = "The delivery exactly as X sent it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "tweet", value = """
                            {"for_user_id":"2244994945","tweet_create_events":[{"id_str":"1712345678901234567",\
                            "created_at":"Fri Apr 05 18:14:38 +0000 2026","text":"@PrivacyGate hello",\
                            "user":{"id_str":"6253282","name":"Ren\\u00e9e","screen_name":"renee"}}]}""")))
    @APIResponse(responseCode = "200", description = "Stored in the inbox (or already waiting there): acknowledged")
    @APIResponse(responseCode = "400", description = "Correctly signed, but not JSON or without for_user_id; nothing was stored")
    @APIResponse(responseCode = "401", description = "x-twitter-webhooks-signature is missing or does not verify "
            + "(urn:privacy-gate:problem:invalid-signature); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, example = WebhookProblems.INVALID_SIGNATURE_EXAMPLE))
    @APIResponse(responseCode = "413", description = "The body exceeds the configured limit; nothing was stored")
    @APIResponse(responseCode = "503", description = "The inbox key is unavailable; nothing was stored. X retries")
    public Uni<Response> receiveXWebhook(byte[] body, @Parameter(description = "sha256= and the base64 HMAC-SHA256 of the raw body",
            example = "sha256=x0mYd8hz2goCTfcNAaMqENy2BFgJJfJOb4PdvTffpwg=") @HeaderParam(SIGNATURE) String signature)
            throws JsonProcessingException {
        return webhooks.receive(Platform.X, body, signature).replaceWith(Response.ok().build());
    }
}
