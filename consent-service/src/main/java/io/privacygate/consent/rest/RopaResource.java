package io.privacygate.consent.rest;

import io.privacygate.consent.api.Ropa;
import io.privacygate.consent.service.purposes.PurposeService;
import io.privacygate.consent.service.purposes.RopaCsv;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import static io.privacygate.commons.security.Roles.AUDITOR;
import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The Art. 30 record of processing activities, for the supervisory authority on request (Art. 30(4)). */
@Path("/api/v1/ropa")
public class RopaResource {
    static final String CSV = "text/csv";
    private final PurposeService purposes;

    RopaResource(PurposeService purposes) {
        this.purposes = purposes;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({DPO, AUDITOR, PRIVACY_OPERATOR})
    @Operation(summary = "The Art. 30 record of processing activities, as JSON or CSV (Accept: text/csv)")
    @APIResponse(responseCode = "200", description = "The record of processing activities")
    public Uni<Ropa> json() {
        return purposes.ropa();
    }

    @GET
    @Produces(CSV + ";charset=UTF-8")
    @RolesAllowed({DPO, AUDITOR, PRIVACY_OPERATOR})
    @Operation(summary = "The Art. 30 record of processing activities, as JSON or CSV (Accept: text/csv)")
    @APIResponse(responseCode = "200", description = "The record of processing activities")
    public Uni<String> csv() {
        return purposes.ropa().map(RopaCsv::write);
    }
}
