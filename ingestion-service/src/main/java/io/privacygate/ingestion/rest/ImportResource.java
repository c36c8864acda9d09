package io.privacygate.ingestion.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.security.Roles;
import io.privacygate.ingestion.api.ImportView;
import io.privacygate.ingestion.service.imports.ImportService;
import io.privacygate.ingestion.model.Platform;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.UUID;

/**
 * Bulk imports of platform exports, for the DPO only: an import brings in personal data in bulk, and the
 * person who answers for the register of processing decides that it may. {@code ?platform=meta|linkedin|x};
 * the body is JSON lines; {@code Sec-GPC: 1} says the records were collected from browsers that sent it.
 */
@Path("/api/v1/imports")
@RolesAllowed(Roles.DPO)
public class ImportResource {
    private final ImportService imports;
    private final SecurityIdentity identity;

    ImportResource(ImportService imports, SecurityIdentity identity) {
        this.imports = imports;
        this.identity = identity;
    }

    @POST
    @Consumes({"application/x-ndjson", "application/jsonl", "application/json", "text/plain"})
    @Operation(summary = "Import a platform export (JSON lines, each in the platform's webhook shape) under the webhook rules",
            description = "Every line is checked before anything is stored: one bad line rejects the import with a 400 naming the "
                    + "line. Accepted lines enter the inbox and are processed like webhook deliveries; follow the progress at "
                    + "the Location.")
    @RequestBody(required = true, description = "JSON lines, at most privacy-gate.ingestion.imports.max-lines",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "meta-lead", value = """
                            {"created_time":"2026-11-30T10:00:00+0000","id":"444444444","form_id":"777",\
                            "field_data":[{"name":"email","values":["lead@example.org"]}]}
                            """)))
    @APIResponse(responseCode = "202", description = "Accepted: the lines wait in the inbox",
            headers = @Header(name = "Location", description = "The import's progress", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", description = "platform is missing or unknown, the body is empty or too long, or a line is "
            + "not valid JSON or not a supported shape (named in the problem); nothing was stored")
    @APIResponse(responseCode = "413", description = "The body exceeds the configured limit; nothing was stored")
    @APIResponse(responseCode = "415", description = "The body is not JSON lines")
    @APIResponse(responseCode = "503", description = "The inbox key is unavailable; nothing was stored. Retry")
    public Uni<Response> start(@Parameter(description = "Whose export the lines are", required = true,
                                       schema = @Schema(enumeration = {"meta", "linkedin", "x"})) @QueryParam("platform") String platform,
                               @Parameter(description = "1 when the records were collected from browsers that sent Global Privacy Control",
                                       example = "1") @HeaderParam("Sec-GPC") String gpc,
                               byte[] body) {
        return imports.start(platform(platform), body, "1".equals(gpc), Actors.of(identity))
                .map(view -> Response.accepted(view).location(URI.create("/api/v1/imports/" + view.id())).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import's progress: lines, accepted, processed, stored, denied, skipped, duplicates and status")
    @APIResponse(responseCode = "200", description = "The progress")
    @APIResponse(responseCode = "404", description = "No import has this id")
    public Uni<ImportView> get(@PathParam("id") UUID id) {
        return imports.get(id);
    }

    private static Platform platform(String name) {
        if (name == null) {
            throw ProblemException.invalidField("platform", "is required (meta, linkedin or x)");
        }
        try {
            return Platform.fromWire(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("platform", "must be meta, linkedin or x");
        }
    }
}
