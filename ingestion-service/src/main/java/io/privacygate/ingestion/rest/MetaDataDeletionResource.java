package io.privacygate.ingestion.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.privacygate.ingestion.service.DeletionCallbackService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Meta's data deletion callback, and the status page its answer points the person to. The callback is
 * checked by its {@code signed_request}; the status page shows only a status, by an unguessable code.
 */
@Path("/webhooks/meta/data-deletion")
@PermitAll
public class MetaDataDeletionResource {
    private final DeletionCallbackService callbacks;

    MetaDataDeletionResource(DeletionCallbackService callbacks) {
        this.callbacks = callbacks;
    }

    /** What Meta expects back, in its field names. */
    public record Answer(String url, @JsonProperty("confirmation_code") String confirmationCode) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Answer> receive(@FormParam("signed_request") String signedRequest) {
        return callbacks.receive(signedRequest).map(c -> new Answer(c.url(), c.confirmationCode()));
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DeletionCallbackService.Status> status(@PathParam("code") String code) {
        return callbacks.status(code);
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> statusPage(@PathParam("code") String code) {
        return callbacks.status(code).map(MetaDataDeletionResource::page);
    }

    /** The code is hex and the status one of a few words: nothing here needs escaping beyond them. */
    private static String page(DeletionCallbackService.Status status) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Data deletion request</title></head>
                <body><h1>Data deletion request</h1>
                <p>Confirmation code: <code>%s</code></p>
                <p>Status: <strong>%s</strong></p>
                <p>Received: %s. Last update: %s.</p>
                </body></html>
                """.formatted(status.confirmationCode(), status.status(), status.receivedAt(), status.updatedAt());
    }
}
