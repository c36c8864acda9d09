package io.privacygate.ingestion.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.commons.dsr.RestrictionRequest;
import io.privacygate.commons.dsr.RestrictionState;
import io.privacygate.ingestion.service.DsrParticipantService;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** The DSR participant contract (DESIGN §4), for dsr-service's executor only. */
@Path("/dsr/v1/subjects/{subjectId}")
@RolesAllowed(Roles.DSR_EXECUTOR)
public class DsrResource {
    private final DsrParticipantService dsr;
    private final SecurityIdentity identity;

    DsrResource(DsrParticipantService dsr, SecurityIdentity identity) {
        this.dsr = dsr;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Art. 15/20: everything held about the subject, decrypted (restricted data too); audited")
    @APIResponse(responseCode = "200", description = "The export; empty sections when nothing is held")
    @APIResponse(responseCode = "503", description = "The key provider is unavailable; nothing is exported. Retry")
    public Uni<DsrExport> exportSubject(@PathParam("subjectId") UUID subjectId) {
        return dsr.export(subjectId, Actors.of(identity));
    }

    @DELETE
    @Operation(summary = "Art. 17: crypto-shreds the subject's data key, then deletes its rows; audited")
    @APIResponse(responseCode = "200", description = "The erasure receipt (also when nothing was held)")
    public Uni<ErasureReceipt> eraseSubject(@PathParam("subjectId") UUID subjectId) {
        return dsr.erase(subjectId, Actors.of(identity));
    }

    @PUT
    @Path("/restriction")
    @Operation(summary = "Art. 18: restricts (or lifts the restriction of) the subject's processing here; restricted data is kept but never shown")
    @APIResponse(responseCode = "200", description = "The restriction as it now stands")
    @APIResponse(responseCode = "400", description = "restricted is missing")
    public Uni<RestrictionState> restrictSubject(@PathParam("subjectId") UUID subjectId, @Valid @NotNull RestrictionRequest request) {
        return dsr.restrict(subjectId, request.restricted(), Actors.of(identity));
    }

    @PATCH
    @Operation(summary = "Art. 16: replaces the contact fields held (name, handle, e-mail, phone) for every purpose, and names the fields changed")
    @APIResponse(responseCode = "200", description = "The fields changed")
    @APIResponse(responseCode = "400", description = "The corrections are missing or invalid; nothing changed")
    @APIResponse(responseCode = "503", description = "The key provider is unavailable; nothing changed. Retry")
    public Uni<RectificationResult> rectifySubject(@PathParam("subjectId") UUID subjectId, @Valid @NotNull RectificationRequest request) {
        return dsr.rectify(subjectId, request, Actors.of(identity));
    }
}
