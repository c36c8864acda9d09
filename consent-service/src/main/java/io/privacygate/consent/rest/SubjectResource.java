package io.privacygate.consent.rest;

import io.privacygate.consent.api.BatchResolveRequest;
import io.privacygate.consent.api.BatchResolveResult;
import io.privacygate.consent.api.LookupResult;
import io.privacygate.consent.api.ResolveRequest;
import io.privacygate.consent.api.ResolveResult;
import io.privacygate.consent.api.SubjectView;
import io.privacygate.consent.service.subjects.SubjectService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

import static io.privacygate.commons.security.Roles.CONSENT_READER;
import static io.privacygate.commons.security.Roles.CONSENT_WRITER;
import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

@Path("/api/v1/subjects")
public class SubjectResource {
    private final SubjectService subjects;
    private final SecurityIdentity identity;

    SubjectResource(SubjectService subjects, SecurityIdentity identity) {
        this.subjects = subjects;
        this.identity = identity;
    }

    @POST
    @Path("/resolve")
    @Operation(summary = "The subject of one person's identifiers, created if none; new identifiers are linked to it")
    @APIResponse(responseCode = "200", description = "The subject, and whether it was created")
    @APIResponse(responseCode = "400", description = "An identifier is malformed (field named, never its value); nothing stored")
    @APIResponse(responseCode = "409", description = "The identifiers belong to different subjects; they are not merged")
    @RolesAllowed({DPO, CONSENT_READER, CONSENT_WRITER})
    public Uni<ResolveResult> resolve(@Valid @NotNull ResolveRequest request) {
        return subjects.resolve(request);
    }

    /** Up to {@link BatchResolveRequest#MAX_PEOPLE} people at once; an entry of two subjects is refused on its own. */
    @POST
    @Path("/resolve/batch")
    @Operation(summary = "Resolve up to 500 people at once, in order, in one transaction")
    @APIResponse(responseCode = "200", description = "One result per entry, in request order; an entry of two subjects is refused on its own")
    @APIResponse(responseCode = "400", description = "An entry is malformed, or there are none or more than 500 (field named); nothing stored")
    @RolesAllowed({DPO, CONSENT_READER, CONSENT_WRITER})
    public Uni<BatchResolveResult> resolveBatch(@Valid @NotNull BatchResolveRequest request) {
        return subjects.resolveBatch(request.people());
    }

    /** Finds the subject holding the identifiers, creating nothing (data subject requests from unknown people). */
    @POST
    @Path("/lookup")
    @Operation(summary = "The subject holding the identifiers, creating nothing")
    @APIResponse(responseCode = "200", description = "The subject holding the identifiers")
    @APIResponse(responseCode = "400", description = "An identifier is malformed (field named, never its value)")
    @APIResponse(responseCode = "404", description = "No subject holds these identifiers; nothing recorded")
    @APIResponse(responseCode = "409", description = "The identifiers belong to different subjects")
    @RolesAllowed({DPO, PRIVACY_OPERATOR, CONSENT_READER, CONSENT_WRITER})
    public Uni<LookupResult> lookup(@Valid @NotNull ResolveRequest request) {
        return subjects.lookup(request.identifiers());
    }

    /** Services see the subject's state; only people who work requests see its identifiers. */
    @GET
    @Path("/{subjectId}")
    @Operation(operationId = "getSubject", summary = "One subject's state; its identifiers only for the DPO and privacy operators (audited)")
    @APIResponse(responseCode = "200", description = "The subject")
    @APIResponse(responseCode = "404", description = "No such subject")
    @RolesAllowed({DPO, PRIVACY_OPERATOR, CONSENT_READER, CONSENT_WRITER})
    public Uni<SubjectView> get(@PathParam("subjectId") UUID subjectId) {
        return subjects.get(subjectId, identity.hasRole(DPO) || identity.hasRole(PRIVACY_OPERATOR));
    }
}
