package io.privacygate.ingestion.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.DsrParticipant;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.commons.dsr.RestrictionRequest;
import io.privacygate.commons.dsr.RestrictionState;
import io.privacygate.commons.security.Roles;
import io.privacygate.ingestion.service.crm.DsrParticipantService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** The DSR participant contract (DESIGN §4, commons' {@link DsrParticipant}), for dsr-service's executor only. */
@RolesAllowed(Roles.DSR_EXECUTOR)
public class DsrResource implements DsrParticipant {
    private final DsrParticipantService dsr;
    private final SecurityIdentity identity;

    DsrResource(DsrParticipantService dsr, SecurityIdentity identity) {
        this.dsr = dsr;
        this.identity = identity;
    }

    @Override
    @Operation(summary = "Art. 15/20: everything held about the subject, decrypted (restricted data too); audited")
    @APIResponse(responseCode = "200", description = "The export; empty sections when nothing is held")
    @APIResponse(responseCode = "503", description = "The key provider is unavailable; nothing is exported. Retry")
    public Uni<DsrExport> exportSubject(UUID subjectId) {
        return dsr.export(subjectId, Actors.of(identity));
    }

    @Override
    @Operation(summary = "Art. 17: crypto-shreds the subject's data key, then deletes its rows; audited")
    @APIResponse(responseCode = "200", description = "The erasure receipt (also when nothing was held)")
    public Uni<ErasureReceipt> eraseSubject(UUID subjectId) {
        return dsr.erase(subjectId, Actors.of(identity));
    }

    @Override
    @Operation(summary = "Art. 18: restricts (or lifts the restriction of) the subject's processing here; restricted data is kept but never shown")
    @APIResponse(responseCode = "200", description = "The restriction as it now stands")
    @APIResponse(responseCode = "400", description = "restricted is missing")
    public Uni<RestrictionState> restrictSubject(UUID subjectId, RestrictionRequest request) {
        return dsr.restrict(subjectId, request.restricted(), Actors.of(identity));
    }

    @Override
    @Operation(summary = "Art. 16: replaces the contact fields held (name, handle, e-mail, phone) for every purpose, and names the fields changed")
    @APIResponse(responseCode = "200", description = "The fields changed")
    @APIResponse(responseCode = "400", description = "The corrections are missing or invalid; nothing changed")
    @APIResponse(responseCode = "503", description = "The key provider is unavailable; nothing changed. Retry")
    public Uni<RectificationResult> rectifySubject(UUID subjectId, RectificationRequest request) {
        return dsr.rectify(subjectId, request, Actors.of(identity));
    }
}
