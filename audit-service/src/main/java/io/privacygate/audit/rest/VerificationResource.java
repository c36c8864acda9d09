package io.privacygate.audit.rest;

import io.privacygate.audit.api.VerificationReport;
import io.privacygate.audit.service.tree.VerificationService;
import io.privacygate.commons.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/verification")
@RolesAllowed({Roles.AUDITOR, Roles.DPO})
public class VerificationResource {
    private final VerificationService verification;

    VerificationResource(VerificationService verification) {
        this.verification = verification;
    }

    @POST
    @Operation(summary = "Recompute the whole log from storage and check it against every signed checkpoint")
    @APIResponse(responseCode = "200", description = "The report: valid, or the first bad index or failed checkpoint")
    public Uni<VerificationReport> verifyLog() {
        return verification.verify();
    }
}
