package io.privacygate.consent.rest;

import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.consent.api.ConsentEventView;
import io.privacygate.consent.api.CurrentConsent;
import io.privacygate.consent.service.consents.ConsentQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.UUID;

import static io.privacygate.commons.security.Roles.CONSENT_READER;
import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/subjects/{subjectId}/consents")
public class SubjectConsentResource {
    private final ConsentQueries consents;

    SubjectConsentResource(ConsentQueries consents) {
        this.consents = consents;
    }

    @GET
    @RolesAllowed({DPO, PRIVACY_OPERATOR, CONSENT_READER})
    @Operation(summary = "A subject's current consent per purpose (its latest event each), one page at a time")
    @APIResponse(responseCode = "200", description = "A page of current states")
    @APIResponse(responseCode = "400", description = "page or size is out of range")
    @APIResponse(responseCode = "404", description = "No such subject")
    public Uni<Page<CurrentConsent>> current(@PathParam("subjectId") UUID subjectId,
                                             @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return consents.current(subjectId, PageRequest.of(page, size));
    }

    @GET
    @Path("/history")
    @RolesAllowed({DPO, PRIVACY_OPERATOR, CONSENT_READER})
    @Operation(summary = "Every consent event of a subject, oldest first, one page at a time")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "page or size is out of range")
    @APIResponse(responseCode = "404", description = "No such subject")
    public Uni<Page<ConsentEventView>> history(@PathParam("subjectId") UUID subjectId,
                                               @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return consents.history(subjectId, PageRequest.of(page, size));
    }
}
