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
    public Uni<DsrExport> export(@PathParam("subjectId") UUID subjectId) {
        return dsr.export(subjectId, Actors.of(identity));
    }

    @DELETE
    public Uni<ErasureReceipt> erase(@PathParam("subjectId") UUID subjectId) {
        return dsr.erase(subjectId, Actors.of(identity));
    }

    @PUT
    @Path("/restriction")
    public Uni<RestrictionState> restrict(@PathParam("subjectId") UUID subjectId, @Valid @NotNull RestrictionRequest request) {
        return dsr.restrict(subjectId, request.restricted(), Actors.of(identity));
    }

    @PATCH
    public Uni<RectificationResult> rectify(@PathParam("subjectId") UUID subjectId, @Valid @NotNull RectificationRequest request) {
        return dsr.rectify(subjectId, request, Actors.of(identity));
    }
}
