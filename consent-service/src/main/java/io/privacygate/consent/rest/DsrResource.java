package io.privacygate.consent.rest;

import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.commons.dsr.RestrictionRequest;
import io.privacygate.commons.dsr.RestrictionState;
import io.privacygate.consent.service.DsrService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

import static io.privacygate.consent.rest.Roles.DSR_EXECUTOR;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The DSR participant contract (DESIGN §4), for dsr-service's service account only. */
@Path("/dsr/v1/subjects/{subjectId}")
public class DsrResource {
    private final DsrService dsr;

    DsrResource(DsrService dsr) {
        this.dsr = dsr;
    }

    @GET
    @RolesAllowed(DSR_EXECUTOR)
    @Operation(summary = "DSR contract: everything held about the subject, decrypted (Art. 15/20)")
    @APIResponse(responseCode = "200", description = "The subject's data")
    @APIResponse(responseCode = "404", description = "No such subject", content = @Content(mediaType = "application/problem+json"))
    public Uni<DsrExport> export(@PathParam("subjectId") UUID subjectId) {
        return dsr.export(subjectId);
    }

    @DELETE
    @RolesAllowed(DSR_EXECUTOR)
    @Operation(summary = "DSR contract: erase the subject (crypto-shred first, then delete); idempotent")
    @APIResponse(responseCode = "200", description = "The erasure receipt; a repeated erasure answers it again")
    public Uni<ErasureReceipt> erase(@PathParam("subjectId") UUID subjectId) {
        return dsr.erase(subjectId);
    }

    @PUT
    @Path("/restriction")
    @RolesAllowed(DSR_EXECUTOR)
    @Operation(summary = "DSR contract: set or lift the subject's restriction of processing (Art. 18)")
    @APIResponse(responseCode = "200", description = "The restriction state")
    @APIResponse(responseCode = "400", description = "restricted is missing", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such subject", content = @Content(mediaType = "application/problem+json"))
    public Uni<RestrictionState> restrict(@PathParam("subjectId") UUID subjectId, @Valid @NotNull RestrictionRequest request) {
        return dsr.restrict(subjectId, request.restricted());
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(DSR_EXECUTOR)
    @Operation(summary = "DSR contract: replace the subject's identifiers of the types given (Art. 16)")
    @APIResponse(responseCode = "200", description = "What was changed")
    @APIResponse(responseCode = "400", description = "An identifier is malformed (field named, never its value)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such subject", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "A corrected identifier belongs to another subject", content = @Content(mediaType = "application/problem+json"))
    public Uni<RectificationResult> rectify(@PathParam("subjectId") UUID subjectId, @Valid @NotNull RectificationRequest request) {
        return dsr.rectify(subjectId, request);
    }
}
