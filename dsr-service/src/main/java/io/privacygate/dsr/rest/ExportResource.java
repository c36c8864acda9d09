package io.privacygate.dsr.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.dsr.service.ExportService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Base64;
import java.util.HexFormat;

import static io.privacygate.dsr.rest.Roles.DPO;
import static io.privacygate.dsr.rest.Roles.DSR_INTAKE;
import static io.privacygate.dsr.rest.Roles.PRIVACY_OPERATOR;

@Path("/api/v1/requests/{id}/export")
public class ExportResource {
    static final String ZIP = "application/zip";
    private final ExportService exports;
    private final SecurityIdentity identity;

    ExportResource(ExportService exports, SecurityIdentity identity) {
        this.exports = exports;
        this.identity = identity;
    }

    @GET
    @Produces({ZIP, "application/problem+json"})
    @RolesAllowed({DPO, PRIVACY_OPERATOR, DSR_INTAKE})
    @Operation(summary = "The Art. 15/20 package of a completed request: a JSON and CSVs per system, and manifest.json; "
            + "a filing service gets only the packages of requests it filed")
    public Uni<Response> download(@PathParam("id") String id) {
        return exports.download(Params.uuid("id", id), Actors.of(identity), Roles.isOperator(identity))
                .map(download -> Response.ok(download.zip(), ZIP)
                        .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                        .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                                .encodeToString(HexFormat.of().parseHex(download.sha256())) + ":")
                        .header("Cache-Control", "no-store")
                        .build());
    }
}
