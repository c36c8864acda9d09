package io.privacygate.dsr.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.web.Params;
import io.privacygate.dsr.service.export.ExportService;
import io.privacygate.dsr.service.intake.IntakeRights;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Base64;
import java.util.HexFormat;

import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.DSR_INTAKE;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

@Path("/api/v1/requests/{id}/export")
public class ExportResource {
    static final String ZIP = "application/zip";
    private final ExportService exports;
    private final IntakeRights rights;
    private final SecurityIdentity identity;

    ExportResource(ExportService exports, IntakeRights rights, SecurityIdentity identity) {
        this.exports = exports;
        this.rights = rights;
        this.identity = identity;
    }

    @GET
    @Produces({ZIP, Problem.MEDIA_TYPE})
    @RolesAllowed({DPO, PRIVACY_OPERATOR, DSR_INTAKE})
    @Operation(summary = "The Art. 15/20 package of a completed request: a JSON and CSVs per system, and manifest.json; "
            + "a filing service allowed to file ACCESS or PORTABILITY gets only the packages of requests it filed")
    @APIResponse(responseCode = "200", description = "The zip package (Repr-Digest: its SHA-256)",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "403", description = "The caller's role, or a filing service's allow-list, does not allow packages")
    @APIResponse(responseCode = "404", description = "No such request (for a filing service: none that it filed)")
    @APIResponse(responseCode = "409", description = "The request has no package: not ACCESS or PORTABILITY, not completed, or no data held")
    @APIResponse(responseCode = "410", description = "The package has expired and was deleted")
    public Uni<Response> downloadExport(@PathParam("id") String id) {
        if (!Callers.isOperator(identity)) {
            rights.checkDownload(Callers.clientId(identity));
        }
        return exports.download(Params.uuid("id", id), Actors.of(identity), Callers.isOperator(identity))
                .map(download -> Response.ok(download.zip(), ZIP)
                        .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                        .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                                .encodeToString(HexFormat.of().parseHex(download.sha256())) + ":")
                        .header("Cache-Control", "no-store")
                        .build());
    }
}
