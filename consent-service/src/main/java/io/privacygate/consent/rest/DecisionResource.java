package io.privacygate.consent.rest;

import io.privacygate.consent.api.BatchDecisionRequest;
import io.privacygate.consent.api.BatchDecisionView;
import io.privacygate.consent.api.DecisionRequest;
import io.privacygate.consent.api.DecisionView;
import io.privacygate.consent.service.decisions.DecisionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import static io.privacygate.commons.security.Roles.CONSENT_READER;
import static io.privacygate.commons.security.Roles.DPO;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** May this processing happen? {@code Sec-GPC: 1} on the request applies to every query in it. */
@Path("/api/v1/decisions")
public class DecisionResource {
    static final String GPC = "Sec-GPC";
    private final DecisionService decisions;

    DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @POST
    @RolesAllowed({DPO, CONSENT_READER})
    @Operation(summary = "May this processing happen? Fail closed; Sec-GPC: 1 denies purposes to which GPC applies")
    @APIResponse(responseCode = "200", description = "The decision, with its reason and legal basis")
    @APIResponse(responseCode = "400", description = "A field is missing or malformed (field named, never its value)")
    public Uni<DecisionView> decide(@Valid @NotNull DecisionRequest request, @HeaderParam(GPC) String gpc) {
        return decisions.decide(request, "1".equals(gpc));
    }

    @POST
    @Path("/batch")
    @RolesAllowed({DPO, CONSENT_READER})
    @Operation(summary = "Up to 500 decisions at once, answered in order")
    @APIResponse(responseCode = "200", description = "One decision per query, in request order")
    @APIResponse(responseCode = "400", description = "A query is malformed, or there are none or more than 500 (field named)")
    public Uni<BatchDecisionView> decideAll(@Valid @NotNull BatchDecisionRequest request, @HeaderParam(GPC) String gpc) {
        return decisions.decideAll(request.queries(), "1".equals(gpc)).map(BatchDecisionView::new);
    }
}
