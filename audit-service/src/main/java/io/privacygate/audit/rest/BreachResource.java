package io.privacygate.audit.rest;

import io.privacygate.audit.api.AuthorityNotice;
import io.privacygate.audit.api.BreachDraft;
import io.privacygate.audit.api.BreachView;
import io.privacygate.audit.service.breach.BreachService;
import io.privacygate.audit.api.SubjectNotice;
import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.security.Roles;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.commons.web.Params;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Instant;

/**
 * The breach register (Art. 33(5)): every breach, notified or not, its 72-hour clock (Art. 33(1)) and what was
 * notified to the authority and the subjects (Art. 34). The DPO writes it; auditors read it.
 */
@Path("/api/v1/breaches")
public class BreachResource {
    static final String CSV = "text/csv";
    private final BreachService breaches;
    private final SecurityIdentity identity;

    BreachResource(BreachService breaches, SecurityIdentity identity) {
        this.breaches = breaches;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Record a breach, by hand or from an alert (alertId); awareAt starts the 72-hour clock")
    @APIResponse(responseCode = "201", description = "The breach, recorded")
    @APIResponse(responseCode = "400", description = "A field is invalid or missing, or alertId names no alert")
    @APIResponse(responseCode = "409", description = "The alert was escalated already")
    public Uni<RestResponse<BreachView>> recordBreach(BreachDraft draft) {
        return breaches.record(draft, Actors.of(identity)).map(breach -> RestResponse.ResponseBuilder
                .create(RestResponse.Status.CREATED, BreachView.of(breach, Instant.now()))
                .location(URI.create("/api/v1/breaches/" + breach.id())).build());
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The register, most recently discovered first, with each clock; overdue=true for those overdue")
    @APIResponse(responseCode = "200", description = "A page of the register")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    public Uni<Page<BreachView>> listBreaches(@QueryParam("overdue") String overdue, @QueryParam("page") String page,
                                              @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.optionalInt("page", page), Params.optionalInt("size", size));
        Instant now = Instant.now();
        return breaches.page(Params.optionalBoolean("overdue", overdue), request).map(found -> new Page<>(
                found.items().stream().map(b -> BreachView.of(b, now)).toList(), found.page(), found.size(), found.total()));
    }

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The whole register for the supervisory authority, as JSON (or CSV with Accept: text/csv)")
    @APIResponse(responseCode = "200", description = "The register", content = {@Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = CSV)})
    public Uni<BreachView.Register> exportRegister() {
        Instant now = Instant.now();
        return breaches.export("json", Actors.of(identity)).map(all -> new BreachView.Register(now, all.size(),
                all.stream().map(b -> BreachView.of(b, now)).toList()));
    }

    @GET
    @Path("export")
    @Produces(CSV + ";charset=UTF-8")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(hidden = true)
    public Uni<String> exportRegisterCsv() {
        Instant now = Instant.now();
        return breaches.export("csv", Actors.of(identity))
                .map(all -> BreachCsv.write(all.stream().map(b -> BreachView.of(b, now)).toList()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "One entry of the register, with its 72-hour clock")
    @APIResponse(responseCode = "200", description = "The breach")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "No such breach")
    public Uni<BreachView> getBreach(@PathParam("id") String id) {
        return breaches.find(Params.uuid("id", id)).map(b -> BreachView.of(b, Instant.now()));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Change the facts of a breach as they become known (Art. 33(4)); only the fields given change")
    @APIResponse(responseCode = "200", description = "The breach as amended")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "No such breach")
    public Uni<BreachView> amendBreach(@PathParam("id") String id, BreachDraft changes) {
        return breaches.amend(Params.uuid("id", id), changes, Actors.of(identity)).map(b -> BreachView.of(b, Instant.now()));
    }

    @POST
    @Path("{id}/authority-notification")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Record the notification of the supervisory authority; reasons are required when late (Art. 33(1))")
    @APIResponse(responseCode = "200", description = "The breach with the notification")
    @APIResponse(responseCode = "400", description = "A field is invalid, or the notification is late and gives no reasons")
    @APIResponse(responseCode = "404", description = "No such breach")
    @APIResponse(responseCode = "409", description = "The notification is recorded already")
    public Uni<BreachView> authorityNotified(@PathParam("id") String id, AuthorityNotice notice) {
        return breaches.authorityNotified(Params.uuid("id", id), notice, Actors.of(identity))
                .map(b -> BreachView.of(b, Instant.now()));
    }

    @POST
    @Path("{id}/subject-notification")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Record the communication to the subjects (Art. 34), or the Art. 34(3) exemption that applies")
    @APIResponse(responseCode = "200", description = "The breach with the communication or exemption")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "No such breach")
    @APIResponse(responseCode = "409", description = "The communication is recorded already")
    public Uni<BreachView> subjectsNotified(@PathParam("id") String id, SubjectNotice notice) {
        return breaches.subjectsNotified(Params.uuid("id", id), notice, Actors.of(identity))
                .map(b -> BreachView.of(b, Instant.now()));
    }
}
