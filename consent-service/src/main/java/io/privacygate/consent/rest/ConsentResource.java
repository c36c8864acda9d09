package io.privacygate.consent.rest;

import io.privacygate.consent.api.ConsentEventView;
import io.privacygate.consent.api.ConsentRequest;
import io.privacygate.consent.service.consents.ConsentService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import static io.privacygate.commons.security.Roles.CONSENT_WRITER;
import static io.privacygate.commons.security.Roles.DPO;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/consents")
public class ConsentResource {
    private final ConsentService consents;

    ConsentResource(ConsentService consents) {
        this.consents = consents;
    }

    /** 201 with the new event; 200 with the first one when an {@code Idempotency-Key} is repeated. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({DPO, CONSENT_WRITER})
    @APIResponseSchema(value = ConsentEventView.class, responseCode = "201", responseDescription = "The event recorded")
    @Operation(summary = "Record one consent event (grant, withdrawal or refusal) with its evidence; answers the event and its receipt id")
    @APIResponse(responseCode = "200", description = "An Idempotency-Key seen before: the event first recorded for it")
    @APIResponse(responseCode = "400", description = "A field is missing or malformed (field named, never its value); nothing stored")
    @APIResponse(responseCode = "409", description = "The same event is already the subject's current one, or the identifiers belong to different subjects")
    @APIResponse(responseCode = "422", description = "Unknown purpose or subject, a purpose not based on consent, a notice version the purpose never had, or an Idempotency-Key reused for a different request")
    public Uni<Response> record(@Valid @NotNull ConsentRequest request,
                                @HeaderParam("Idempotency-Key")
                                @Pattern(regexp = "[\\x21-\\x7e]{1,200}", message = "must be 1-200 visible ASCII characters")
                                String idempotencyKey) {
        return consents.record(request, idempotencyKey)
                .map(recorded -> Response.status(recorded.replayed() ? Response.Status.OK : Response.Status.CREATED)
                        .entity(recorded.event()).build());
    }
}
