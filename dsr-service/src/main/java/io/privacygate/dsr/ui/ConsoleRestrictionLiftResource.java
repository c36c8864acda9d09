package io.privacygate.dsr.ui;

import io.privacygate.dsr.api.LiftAnnouncement;
import io.privacygate.dsr.service.fanout.WorkerTrigger;
import io.privacygate.dsr.service.restriction.RestrictionLiftService;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/** Lifting a restriction (Art. 18(3)): first the requester is told, with the reason; then the lift. */
@Path("/console/request/restriction-lift")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({DPO, PRIVACY_OPERATOR})
public class ConsoleRestrictionLiftResource {
    private final RestrictionLiftService lifts;
    private final WorkerTrigger worker;
    private final RequestActions actions;
    private final SecurityIdentity identity;

    ConsoleRestrictionLiftResource(RestrictionLiftService lifts, WorkerTrigger worker, RequestActions actions,
                                   SecurityIdentity identity) {
        this.lifts = lifts;
        this.worker = worker;
        this.actions = actions;
        this.identity = identity;
    }

    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(identity);
    }

    @POST
    @Path("/announcement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> announce(@RestForm String id, @RestForm String reason) {
        UUID requestId = ConsoleForms.uuid(id);
        LiftAnnouncement body = new LiftAnnouncement(reason == null ? "" : reason);
        return actions.act(requestId, () -> {
            actions.check(body);
            return lifts.announce(requestId, body, ConsoleUser.of(identity).actor())
                    .map(view -> "The requester was e-mailed that the restriction will be lifted. You may now lift it.");
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> lift(@RestForm String id) {
        UUID requestId = ConsoleForms.uuid(id);
        return actions.act(requestId, () -> lifts.lift(requestId, ConsoleUser.of(identity).actor())
                .invoke(worker::kick)
                .map(view -> "Lift ordered: every system that restricted processing is being told."));
    }
}
