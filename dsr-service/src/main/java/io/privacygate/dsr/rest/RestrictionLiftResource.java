package io.privacygate.dsr.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.web.Params;
import io.privacygate.dsr.api.LiftAnnouncement;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.service.fanout.WorkerTrigger;
import io.privacygate.dsr.service.restriction.RestrictionLiftService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/** Art. 18(3): ending a restriction a request carried out, the requester told first. People only. */
@Path("/api/v1/requests/{id}/restriction-lift")
@RolesAllowed({DPO, PRIVACY_OPERATOR})
public class RestrictionLiftResource {
    private final RestrictionLiftService lifts;
    private final WorkerTrigger worker;
    private final SecurityIdentity identity;

    RestrictionLiftResource(RestrictionLiftService lifts, WorkerTrigger worker, SecurityIdentity identity) {
        this.lifts = lifts;
        this.worker = worker;
        this.identity = identity;
    }

    @POST
    @Path("/announcement")
    @Operation(summary = "Tell the requester, by e-mail with the reason, that the restriction will be lifted (Art. 18(3))")
    @APIResponse(responseCode = "200", description = "Announced: the request with restrictionLift.announcedAt")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "The request did not restrict processing, is not completed, or the lift was already announced")
    @APIResponse(responseCode = "422", description = "The request gives no e-mail address to inform the requester at")
    @APIResponse(responseCode = "503", description = "The mail server or the key provider is unavailable; nothing was recorded. Retry")
    public Uni<RequestView> announceLift(@PathParam("id") String id, @Valid @NotNull LiftAnnouncement announcement) {
        return lifts.announce(Params.uuid("id", id), announcement, Actors.of(identity));
    }

    @POST
    @Operation(summary = "Lift the restriction in every system that restricted, once the requester was told (Art. 18(3))")
    @APIResponse(responseCode = "200", description = "Lift ordered: the request with its UNRESTRICT tasks")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "The lift was not announced to the requester yet, was already ordered, or there is no restriction to lift")
    public Uni<RequestView> liftRestriction(@PathParam("id") String id) {
        return lifts.lift(Params.uuid("id", id), Actors.of(identity)).invoke(worker::kick);
    }
}
