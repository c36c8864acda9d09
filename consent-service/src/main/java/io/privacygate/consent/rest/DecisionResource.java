package io.privacygate.consent.rest;

import io.privacygate.consent.api.BatchDecisionRequest;
import io.privacygate.consent.api.BatchDecisionView;
import io.privacygate.consent.api.DecisionRequest;
import io.privacygate.consent.api.DecisionView;
import io.privacygate.consent.service.DecisionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import static io.privacygate.consent.rest.Roles.CONSENT_READER;
import static io.privacygate.consent.rest.Roles.DPO;

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
    public Uni<DecisionView> decide(@Valid @NotNull DecisionRequest request, @HeaderParam(GPC) String gpc) {
        return decisions.decide(request, "1".equals(gpc));
    }

    @POST
    @Path("/batch")
    @RolesAllowed({DPO, CONSENT_READER})
    public Uni<BatchDecisionView> decideAll(@Valid @NotNull BatchDecisionRequest request, @HeaderParam(GPC) String gpc) {
        return decisions.decideAll(request.queries(), "1".equals(gpc)).map(BatchDecisionView::new);
    }
}
