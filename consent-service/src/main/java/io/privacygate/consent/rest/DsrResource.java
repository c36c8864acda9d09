package io.privacygate.consent.rest;

import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.DsrParticipant;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.commons.dsr.RestrictionRequest;
import io.privacygate.commons.dsr.RestrictionState;
import io.privacygate.consent.service.subjects.DsrService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

import static io.privacygate.commons.security.Roles.DSR_EXECUTOR;

/** The DSR participant contract (DESIGN §4), for dsr-service's service account only. */
@RolesAllowed(DSR_EXECUTOR)
public class DsrResource implements DsrParticipant {
    private final DsrService dsr;

    DsrResource(DsrService dsr) {
        this.dsr = dsr;
    }

    @Override
    @Operation(summary = "DSR contract: everything held about the subject, decrypted (Art. 15/20)")
    @APIResponse(responseCode = "200", description = "The subject's data")
    @APIResponse(responseCode = "404", description = "No such subject")
    public Uni<DsrExport> exportSubject(UUID subjectId) {
        return dsr.export(subjectId);
    }

    @Override
    @Operation(summary = "DSR contract: erase the subject (crypto-shred first, then delete); idempotent")
    @APIResponse(responseCode = "200", description = "The erasure receipt; a repeated erasure answers it again")
    public Uni<ErasureReceipt> eraseSubject(UUID subjectId) {
        return dsr.erase(subjectId);
    }

    @Override
    @Operation(summary = "DSR contract: set or lift the subject's restriction of processing (Art. 18)")
    @APIResponse(responseCode = "200", description = "The restriction state")
    @APIResponse(responseCode = "400", description = "restricted is missing")
    @APIResponse(responseCode = "404", description = "No such subject")
    public Uni<RestrictionState> restrictSubject(UUID subjectId, RestrictionRequest request) {
        return dsr.restrict(subjectId, request.restricted());
    }

    @Override
    @Operation(summary = "DSR contract: replace the subject's identifiers of the types given (Art. 16)")
    @APIResponse(responseCode = "200", description = "What was changed")
    @APIResponse(responseCode = "400", description = "An identifier is malformed (field named, never its value)")
    @APIResponse(responseCode = "404", description = "No such subject")
    @APIResponse(responseCode = "409", description = "A corrected identifier belongs to another subject")
    public Uni<RectificationResult> rectifySubject(UUID subjectId, RectificationRequest request) {
        return dsr.rectify(subjectId, request);
    }
}
