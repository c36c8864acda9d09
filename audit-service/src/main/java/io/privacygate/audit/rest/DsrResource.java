package io.privacygate.audit.rest;

import io.privacygate.audit.service.DsrService;
import io.privacygate.audit.service.DsrService.RectificationAnswer;
import io.privacygate.audit.service.DsrService.RestrictionAnswer;
import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.dsr.RestrictionRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The DSR participant contract (DESIGN §4), for dsr-service only. Every call is idempotent. */
@Path("/dsr/v1/subjects/{subjectId}")
@RolesAllowed("dsr-executor")
public class DsrResource {
    private final DsrService dsr;

    DsrResource(DsrService dsr) {
        this.dsr = dsr;
    }

    @GET
    @Operation(summary = "The subject's processing history (Art. 15)")
    @APIResponse(responseCode = "200", description = "The subject's entries")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem", content = @Content(mediaType = "application/problem+json"))
    public Uni<DsrExport> exportSubject(@PathParam("subjectId") String subjectId) {
        return dsr.export(Params.uuid("subjectId", subjectId));
    }

    @DELETE
    @Operation(summary = "Erasure: the pseudonymous entries are kept (Art. 17(3)(b), (e)); the receipt says so")
    @APIResponse(responseCode = "200", description = "The receipt: entries retained, and why")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem", content = @Content(mediaType = "application/problem+json"))
    public Uni<ErasureReceipt> eraseSubject(@PathParam("subjectId") String subjectId) {
        return dsr.erase(Params.uuid("subjectId", subjectId));
    }

    @PUT
    @Path("restriction")
    @Operation(summary = "Restriction (Art. 18): nothing to change, the log only stores")
    @APIResponse(responseCode = "200", description = "The restriction state")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem", content = @Content(mediaType = "application/problem+json"))
    public RestrictionAnswer restrictSubject(@PathParam("subjectId") String subjectId, @Valid @NotNull RestrictionRequest request) {
        return dsr.restrict(Params.uuid("subjectId", subjectId), request);
    }

    @PATCH
    @Operation(summary = "Rectification (Art. 16): nothing to change, the log holds no identifiers or profile fields")
    @APIResponse(responseCode = "200", description = "Nothing rectified, and why")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem", content = @Content(mediaType = "application/problem+json"))
    public RectificationAnswer rectifySubject(@PathParam("subjectId") String subjectId, @Valid @NotNull RectificationRequest request) {
        return dsr.rectify(Params.uuid("subjectId", subjectId));
    }
}
