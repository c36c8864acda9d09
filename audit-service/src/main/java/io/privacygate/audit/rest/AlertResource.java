package io.privacygate.audit.rest;

import io.privacygate.audit.api.AlertView;
import io.privacygate.audit.api.BreachView;
import io.privacygate.audit.model.RuleKind;
import io.privacygate.audit.model.AlertStatus;
import io.privacygate.audit.service.alert.AlertService;
import io.privacygate.audit.api.BreachDraft;
import io.privacygate.audit.service.breach.BreachService;
import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.security.Roles;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.commons.web.Params;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "Alerts, newest first, optionally of one status (OPEN, ACKNOWLEDGED, ESCALATED) and one rule")
    @APIResponse(responseCode = "200", description = "A page of alerts")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    public Uni<Page<AlertView>> listAlerts(@QueryParam("status") String status, @QueryParam("rule") String rule,
                                           @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.optionalInt("page", page), Params.optionalInt("size", size));
        return alerts.page(Params.optionalEnum("status", status, AlertStatus.class),
                        Params.optionalEnum("rule", rule, RuleKind.class), request)
                .map(found -> new Page<>(found.items().stream().map(AlertView::of).toList(), found.page(), found.size(),
                        found.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "One alert, with its evidence (log indexes)")
    @APIResponse(responseCode = "200", description = "The alert")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "No such alert")
    public Uni<AlertView> getAlert(@PathParam("id") String id) {
        return alerts.find(Params.uuid("id", id)).map(AlertView::of);
    }

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "The DPO judged the alert no breach; acknowledging again changes nothing")
    @APIResponse(responseCode = "200", description = "The alert, acknowledged")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "409", description = "The alert was escalated to a breach already")
    public Uni<AlertView> acknowledgeAlert(@PathParam("id") String id) {
        return alerts.acknowledge(Params.uuid("id", id), Actors.of(identity)).map(AlertView::of);
    }

    @POST
    @Path("{id}/escalation")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Escalate the alert to the breach register; the body may correct the defaults the alert brings")
    @APIResponse(responseCode = "201", description = "The breach recorded from the alert")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "409", description = "The alert was escalated already")
    public Uni<RestResponse<BreachView>> escalateAlert(@PathParam("id") String id, BreachDraft corrections) {
        if (corrections != null && corrections.alertId() != null) {
            throw ProblemException.invalidField("alertId", "is given by the path");
        }
        return breaches.escalate(Params.uuid("id", id), corrections, Actors.of(identity))
                .map(breach -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, BreachView.of(breach, Instant.now()))
                        .location(URI.create("/api/v1/breaches/" + breach.id())).build());
    }
}
