package io.privacygate.audit.rest;

import io.privacygate.audit.api.Views.AppendRequest;
import io.privacygate.audit.api.Views.EventView;
import io.privacygate.audit.api.AppendResult;
import io.privacygate.audit.service.append.AppendService;
import io.privacygate.audit.service.append.EventSenders;
import io.privacygate.audit.service.dsr.SubjectService;
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
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/v1/events")
public class EventResource {
    private final AppendService appends;
    private final SubjectService subjects;
    private final EventSenders senders;
    private final SecurityIdentity identity;

    EventResource(AppendService appends, SubjectService subjects, EventSenders senders, SecurityIdentity identity) {
        this.appends = appends;
        this.subjects = subjects;
        this.senders = senders;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.AUDIT_WRITER)
    @Operation(summary = "Append a batch of up to 500 events, all or none; idempotent by eventId")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "Sent by the outbox relay and accepted; each event's eventId is what makes a retry idempotent")
    @APIResponse(responseCode = "200", description = "Each event's index, in request order; appended false for one appended before")
    @APIResponse(responseCode = "400", description = "An event is malformed (every offending field named); nothing appended")
    @APIResponse(responseCode = "403", description = "The caller is not one of the suite's senders, or an event names a service other than the caller's own (fields named); nothing appended")
    @APIResponse(responseCode = "409", description = "An eventId was appended before with different content; nothing appended")
    @APIResponse(responseCode = "413", description = "The batch exceeds the body limit")
    @APIResponse(responseCode = "415", description = "The body is not application/json")
    @APIResponse(responseCode = "422", description = "An event looks like it holds personal data (field named, never its value); nothing appended")
    public Uni<AppendResult> appendEvents(AppendRequest request) {
        return appends.append(senders.ownEvents(identity, request == null ? null : request.events()));
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.DPO})
    @Operation(summary = "The processing history of one subject (Art. 15), oldest first")
    @APIResponse(responseCode = "200", description = "A page of the subject's events")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    public Uni<Page<EventView>> subjectHistory(@QueryParam("subjectRef") String subjectRef, @QueryParam("page") String page,
                                               @QueryParam("size") String size) {
        if (subjectRef == null || subjectRef.isBlank()) {
            throw ProblemException.invalidField("subjectRef", "is required");
        }
        PageRequest request = PageRequest.of(Params.optionalInt("page", page), Params.optionalInt("size", size));
        return subjects.history(subjectRef, request).map(found -> new Page<>(
                found.items().stream().map(EventView::of).toList(), found.page(), found.size(), found.total()));
    }
}
