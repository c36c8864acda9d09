package io.privacygate.audit.rest;

import io.privacygate.audit.service.dsr.DsrService;
import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.DsrParticipant;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.commons.dsr.RestrictionRequest;
import io.privacygate.commons.dsr.RestrictionState;
import io.privacygate.commons.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** The DSR participant contract (DESIGN §4), for dsr-service only. Every call is idempotent. */
@RolesAllowed(Roles.DSR_EXECUTOR)
public class DsrResource implements DsrParticipant {
    private final DsrService dsr;

    DsrResource(DsrService dsr) {
        this.dsr = dsr;
    }

    @Override
    @Operation(summary = "The subject's processing history (Art. 15)")
    @APIResponse(responseCode = "200", description = "The subject's entries")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    public Uni<DsrExport> exportSubject(UUID subjectId) {
        return dsr.export(subjectId);
    }

    @Override
    @Operation(summary = "Erasure: the pseudonymous entries are kept (Art. 17(3)(b), (e)); the receipt says so")
    @APIResponse(responseCode = "200", description = "The receipt: entries retained, and why")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    public Uni<ErasureReceipt> eraseSubject(UUID subjectId) {
        return dsr.erase(subjectId);
    }

    @Override
    @Operation(summary = "Restriction (Art. 18): nothing to change, the log only stores")
    @APIResponse(responseCode = "200", description = "The restriction state")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    public Uni<RestrictionState> restrictSubject(UUID subjectId, RestrictionRequest request) {
        return Uni.createFrom().item(dsr.restrict(subjectId, request));
    }

    @Override
    @Operation(summary = "Rectification (Art. 16): nothing to change, the log holds no identifiers or profile fields")
    @APIResponse(responseCode = "200", description = "Nothing rectified, and why")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    public Uni<RectificationResult> rectifySubject(UUID subjectId, RectificationRequest request) {
        return Uni.createFrom().item(dsr.rectify(subjectId));
    }
}
