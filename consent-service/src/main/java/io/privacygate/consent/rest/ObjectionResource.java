package io.privacygate.consent.rest;

import io.privacygate.consent.api.CompellingGroundsRequest;
import io.privacygate.consent.api.ObjectionRequest;
import io.privacygate.consent.api.ObjectionView;
import io.privacygate.consent.service.objections.ObjectionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

import static io.privacygate.commons.security.Roles.CONSENT_WRITER;
import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/** A subject's objections, per purpose (Art. 21). */
@Path("/api/v1/subjects/{subjectId}/objections")
public class ObjectionResource {
    private final ObjectionService objections;

    ObjectionResource(ObjectionService objections) {
        this.objections = objections;
    }

    @POST
    @RolesAllowed({DPO, PRIVACY_OPERATOR, CONSENT_WRITER})
    @Operation(operationId = "object", summary = "Record the subject's objection to one purpose (Art. 21)")
    @APIResponse(responseCode = "201", description = "The objection, recorded")
    @APIResponse(responseCode = "200", description = "The objection recorded before")
    @APIResponse(responseCode = "400", description = "The purpose key is missing or malformed")
    @APIResponse(responseCode = "404", description = "No such subject")
    @APIResponse(responseCode = "422", description = "No such purpose, or Art. 21 gives no right to object to it")
    public Uni<Response> object(@PathParam("subjectId") UUID subjectId, @Valid @NotNull ObjectionRequest request) {
        return objections.object(subjectId, request.purpose()).map(recorded -> Response
                .status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(recorded.objection()).build());
    }

    @GET
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    @Operation(operationId = "listObjections", summary = "The subject's objections, by purpose")
    @APIResponse(responseCode = "200", description = "The objections")
    @APIResponse(responseCode = "404", description = "No such subject")
    public Uni<List<ObjectionView>> list(@PathParam("subjectId") UUID subjectId) {
        return objections.list(subjectId);
    }

    @PUT
    @Path("/{purpose}/compelling-grounds")
    @RolesAllowed(DPO)
    @Operation(operationId = "recordCompellingGrounds", summary = "Record compelling legitimate grounds that override an objection (Art. 21(1)); never for direct marketing")
    @APIResponse(responseCode = "200", description = "The objection with the grounds, who recorded them and when")
    @APIResponse(responseCode = "400", description = "The grounds are missing or too long")
    @APIResponse(responseCode = "404", description = "No objection of this subject to this purpose")
    @APIResponse(responseCode = "422", description = "Grounds cannot override an objection to this purpose (direct marketing, Art. 21(3))")
    public Uni<ObjectionView> recordCompellingGrounds(@PathParam("subjectId") UUID subjectId,
                                                      @PathParam("purpose") String purpose,
                                                      @Valid @NotNull CompellingGroundsRequest request) {
        return objections.recordCompellingGrounds(subjectId, purpose, request);
    }
}
