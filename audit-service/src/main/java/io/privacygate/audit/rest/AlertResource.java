package io.privacygate.audit.rest;

import io.privacygate.audit.detection.RuleKind;
import io.privacygate.audit.model.AlertStatus;
import io.privacygate.audit.service.AlertService;
import io.privacygate.audit.service.BreachDraft;
import io.privacygate.audit.service.BreachService;
import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Instant;

/** Alerts raised by detection over the log (Art. 33(1)); the DPO acknowledges them or escalates them to a breach. */
@Path("/api/v1/alerts")
public class AlertResource {
    private final AlertService alerts;
    private final BreachService breaches;
    private final SecurityIdentity identity;

    AlertResource(AlertService alerts, BreachService breaches, SecurityIdentity identity) {
        this.alerts = alerts;
        this.breaches = breaches;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"dpo", "auditor"})
    @Operation(summary = "Alerts, newest first, optionally of one status (OPEN, ACKNOWLEDGED, ESCALATED) and one rule")
    public Uni<Page<AlertView>> list(@QueryParam("status") String status, @QueryParam("rule") String rule,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.optionalInt("page", page), Params.optionalInt("size", size));
        return alerts.page(Params.optionalEnum("status", status, AlertStatus.class),
                        Params.optionalEnum("rule", rule, RuleKind.class), request)
                .map(found -> new Page<>(found.items().stream().map(AlertView::of).toList(), found.page(), found.size(),
                        found.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"dpo", "auditor"})
    @Operation(summary = "One alert, with its evidence (log indexes)")
    public Uni<AlertView> get(@PathParam("id") String id) {
        return alerts.find(Params.uuid("id", id)).map(AlertView::of);
    }

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed("dpo")
    @Operation(summary = "The DPO judged the alert no breach; acknowledging again changes nothing")
    public Uni<AlertView> acknowledge(@PathParam("id") String id) {
        return alerts.acknowledge(Params.uuid("id", id), Actors.of(identity)).map(AlertView::of);
    }

    @POST
    @Path("{id}/escalation")
    @RolesAllowed("dpo")
    @Operation(summary = "Escalate the alert to the breach register; the body may correct the defaults the alert brings")
    public Uni<RestResponse<BreachView>> escalate(@PathParam("id") String id, BreachDraft corrections) {
        if (corrections != null && corrections.alertId() != null) {
            throw ProblemException.invalidField("alertId", "is given by the path");
        }
        return breaches.escalate(Params.uuid("id", id), corrections, Actors.of(identity))
                .map(breach -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, BreachView.of(breach, Instant.now()))
                        .location(URI.create("/api/v1/breaches/" + breach.id())).build());
    }
}
