package io.privacygate.ingestion.rest;

import io.privacygate.commons.problem.Problem;
import io.privacygate.ingestion.api.DataDeletionAnswer;
import io.privacygate.ingestion.api.DataDeletionStatus;
import io.privacygate.ingestion.service.deletion.DeletionCallbackService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Meta's data deletion callback: opens an erasure request in dsr-service and answers its status URL and code",
            description = "The signed_request is verified (HMAC-SHA256 under the app secret, issued_at within the configured "
                    + "maximum age) before anything is stored; the same request sent again, however encoded, gets the same answer. The erasure is handed to dsr-service by a job, which retries "
                    + "while dsr-service is down.")
    @APIResponse(responseCode = "200", description = "The request is recorded")
    @APIResponse(responseCode = "400", description = "The form could not be read")
    @APIResponse(responseCode = "401", description = "signed_request is missing, malformed, does not verify, or its issued_at is "
            + "older than the configured maximum age or in the future "
            + "(urn:privacy-gate:problem:invalid-signature); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, example = WebhookProblems.INVALID_SIGNATURE_EXAMPLE))
    @APIResponse(responseCode = "415", description = "The body is not application/x-www-form-urlencoded")
    @APIResponse(responseCode = "503", description = "The inbox key is unavailable; nothing was stored. Meta retries")
    public Uni<DataDeletionAnswer> receiveMetaDataDeletion(@Parameter(description = "<base64url signature>.<base64url payload>, as Meta sends it")
                                               @FormParam("signed_request") String signedRequest) {
        return callbacks.receive(signedRequest).map(c -> new DataDeletionAnswer(c.url(), c.confirmationCode()));
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The status of a data deletion request, by its confirmation code: received, in-progress, completed or rejected",
            description = "JSON for Accept: application/json, else a small HTML page for the person. Shows the status only.")
    @APIResponse(responseCode = "200", description = "The status", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataDeletionStatus.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No deletion request has this confirmation code")
    public Uni<DataDeletionStatus> getDataDeletionStatus(@Parameter(description = "The confirmation code from the callback's answer",
            example = "4f9c2a7e1b3d5f60a8c9e7d6b5a41302") @PathParam("code") String code) {
        return callbacks.status(code);
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<String> dataDeletionStatusPage(@PathParam("code") String code) {
        return callbacks.status(code).map(MetaDataDeletionResource::page);
    }

    /**
     * The code is hex, the status one of a few words, and the reason one of this service's fixed texts: nothing here needs
     * escaping beyond them.
     */
    private static String page(DataDeletionStatus status) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Data deletion request</title></head>
                <body><h1>Data deletion request</h1>
                <p>Confirmation code: <code>%s</code></p>
                <p>Status: <strong>%s</strong></p>
                %s<p>Received: %s. Last update: %s.</p>
                </body></html>
                """.formatted(status.confirmationCode(), status.status(),
                status.reason() == null ? "" : "<p>Why: " + status.reason() + "</p>\n", status.receivedAt(), status.updatedAt());
    }
}
