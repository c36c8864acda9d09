package io.privacygate.ingestion.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
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

    public record CrcAnswer(@JsonProperty("response_token") String responseToken) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CrcAnswer crc(@QueryParam("crc_token") String crcToken) {
        if (crcToken == null || crcToken.isBlank()) {
            throw ProblemException.invalidField("crc_token", "is required");
        }
        return new CrcAnswer(webhooks.xCrcResponse(crcToken));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> receive(byte[] body, @HeaderParam(SIGNATURE) String signature) throws JsonProcessingException {
        return webhooks.receive(Platform.X, body, signature).replaceWith(Response.ok().build());
    }
}
