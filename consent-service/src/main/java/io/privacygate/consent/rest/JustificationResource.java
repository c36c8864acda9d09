package io.privacygate.consent.rest;

import io.privacygate.consent.api.BalancingTestRequest;
import io.privacygate.consent.api.BalancingTestView;
import io.privacygate.consent.api.PurposeView;
import io.privacygate.consent.service.purposes.JustificationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import static io.privacygate.commons.security.Roles.DPO;

/** A purpose's justification (Art. 6(1)) and its activation: the DPO's alone. */
@Path("/api/v1/purposes/{key}")
@RolesAllowed(DPO)
public class JustificationResource {
    private final JustificationService justifications;

    JustificationResource(JustificationService justifications) {
        this.justifications = justifications;
    }

    @PUT
    @Path("/balancing-test")
    @Operation(operationId = "recordBalancingTest", summary = "Record the legitimate-interests assessment of a purpose, signed off by the calling DPO (Art. 6(1)(f))")
    @APIResponse(responseCode = "200", description = "The assessment as recorded, with who signed it off and when")
    @APIResponse(responseCode = "400", description = "A field is missing or too long (field named)")
    @APIResponse(responseCode = "404", description = "No purpose with this key")
    @APIResponse(responseCode = "422", description = "The purpose is not based on legitimate interests")
    public Uni<BalancingTestView> recordBalancingTest(@PathParam("key") String key,
                                                      @Valid @NotNull BalancingTestRequest request) {
        return justifications.recordBalancingTest(key, request);
    }

    @POST
    @Path("/activation")
    @Operation(operationId = "activatePurpose", summary = "Activate a draft purpose whose legal basis is justified")
    @APIResponse(responseCode = "200", description = "The purpose, ACTIVE")
    @APIResponse(responseCode = "404", description = "No purpose with this key")
    @APIResponse(responseCode = "422", description = "The basis is not justified yet (what is missing named)")
    public Uni<PurposeView> activate(@PathParam("key") String key) {
        return justifications.activate(key);
    }
}
