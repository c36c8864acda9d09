package io.privacygate.consent.rest;

import io.privacygate.consent.api.BatchResolveRequest;
import io.privacygate.consent.api.BatchResolveResult;
import io.privacygate.consent.api.LookupResult;
import io.privacygate.consent.api.ResolveRequest;
import io.privacygate.consent.api.ResolveResult;
import io.privacygate.consent.api.SubjectView;
import io.privacygate.consent.service.SubjectService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.UUID;

import static io.privacygate.consent.rest.Roles.CONSENT_READER;
import static io.privacygate.consent.rest.Roles.CONSENT_WRITER;
import static io.privacygate.consent.rest.Roles.DPO;
import static io.privacygate.consent.rest.Roles.PRIVACY_OPERATOR;

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
    @RolesAllowed({DPO, CONSENT_READER, CONSENT_WRITER})
    public Uni<ResolveResult> resolve(@Valid @NotNull ResolveRequest request) {
        return subjects.resolve(request.identifiers());
    }

    /** Up to {@link BatchResolveRequest#MAX_PEOPLE} people at once; an entry of two subjects is refused on its own. */
    @POST
    @Path("/resolve/batch")
    @RolesAllowed({DPO, CONSENT_READER, CONSENT_WRITER})
    public Uni<BatchResolveResult> resolveBatch(@Valid @NotNull BatchResolveRequest request) {
        return subjects.resolveBatch(request.people());
    }

    /** Finds the subject holding the identifiers, creating nothing (data subject requests from unknown people). */
    @POST
    @Path("/lookup")
    @RolesAllowed({DPO, PRIVACY_OPERATOR, CONSENT_READER, CONSENT_WRITER})
    public Uni<LookupResult> lookup(@Valid @NotNull ResolveRequest request) {
        return subjects.lookup(request.identifiers());
    }

    /** Services see the subject's state; only people who work requests see its identifiers. */
    @GET
    @Path("/{subjectId}")
    @RolesAllowed({DPO, PRIVACY_OPERATOR, CONSENT_READER, CONSENT_WRITER})
    public Uni<SubjectView> get(@PathParam("subjectId") UUID subjectId) {
        return subjects.get(subjectId, identity.hasRole(DPO) || identity.hasRole(PRIVACY_OPERATOR));
    }
}
