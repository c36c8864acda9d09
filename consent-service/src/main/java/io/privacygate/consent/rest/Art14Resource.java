package io.privacygate.consent.rest;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.consent.api.Art14Due;
import io.privacygate.consent.api.Art14InformedRequest;
import io.privacygate.consent.api.Art14InformedView;
import io.privacygate.consent.service.art14.Art14Service;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/** Art. 14 for people whose data was not obtained from them (#20 point 4). */
@Path("/api/v1/subjects")
public class Art14Resource {
    private final Art14Service art14;

    Art14Resource(Art14Service art14) {
        this.art14 = art14;
    }

    @POST
    @Path("/{subjectId}/art14-informed")
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    @Operation(operationId = "recordArt14Informed", summary = "Record when and how the subject was given the Art. 14 information")
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "400", description = "informedAt missing or in the future, or means missing (field named)")
    @APIResponse(responseCode = "404", description = "No such subject")
    public Uni<Art14InformedView> informed(@PathParam("subjectId") UUID subjectId,
                                           @Valid @NotNull Art14InformedRequest request) {
        return art14.informed(subjectId, request);
    }

    @GET
    @Path("/art14-due")
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    @Operation(operationId = "listArt14Due", summary = "Subjects not informed whose Art. 14(3)(a) month ends within the window or has ended, nearest first")
    @APIResponse(responseCode = "200", description = "The subjects, with source, obtainedAt and dueAt")
    @APIResponse(responseCode = "400", description = "within is not a positive ISO-8601 duration, or page/size out of range")
    public Uni<List<Art14Due>> due(@QueryParam("within") @DefaultValue("P7D") String within,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return art14.due(window(within), PageRequest.of(page, size));
    }

    private static Duration window(String within) {
        try {
            return Duration.parse(within);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("within", "must be an ISO-8601 duration such as P7D");
        }
    }
}
