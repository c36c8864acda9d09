package io.privacygate.ingestion.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.ingestion.service.ImportService;
import io.privacygate.ingestion.webhook.Platform;
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
    public Uni<Response> start(@QueryParam("platform") String platform, @HeaderParam("Sec-GPC") String gpc, byte[] body) {
        return imports.start(platform(platform), body, "1".equals(gpc), Actors.of(identity))
                .map(view -> Response.accepted(view).location(URI.create("/api/v1/imports/" + view.id())).build());
    }

    @GET
    @Path("/{id}")
    public Uni<ImportService.ImportView> get(@PathParam("id") UUID id) {
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
