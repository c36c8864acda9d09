package io.privacygate.commons.keys;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.privacygate.commons.security.Roles.DPO;

/**
 * The key lifecycle of this service, for the DPO's runbook (deploy/README.md): what each KEK version still wraps,
 * a rotation, and the retirement that makes older backups unreadable.
 */
@Path("/api/v1/keys")
@Tag(name = "Keys")
@RolesAllowed(DPO)
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {
    private final KeyRotation rotation;

    KeysResource(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @GET
    @Operation(summary = "Each KEK's versions and how many stored keys each version wraps")
    @APIResponse(responseCode = "200", description = "The state of the keys")
    public Uni<KeysStatus> status() {
        return rotation.status();
    }

    @POST
    @Path("/rotate")
    @Operation(summary = "Add a new version of every KEK and rewrap the stored keys under it in the background")
    @APIResponse(responseCode = "202", description = "Rotated; the rewrap is under way (see GET /api/v1/keys)")
    @APIResponse(responseCode = "409", description = "The keyring comes from configuration and cannot be changed here")
    public Uni<Response> rotate() {
        return rotation.rotate().map(status -> Response.accepted(status).build());
    }

    @POST
    @Path("/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise a KEK's minimum decryption version (every KEK to its newest, without a body)")
    @APIResponse(responseCode = "200", description = "Retired; backups wrapped under older versions cannot be opened")
    @APIResponse(responseCode = "409", description = "Keys still need an older version: rewrap first")
    public Uni<KeysStatus> retire(@Valid RetireRequest request) {
        return rotation.retire(request == null ? new RetireRequest(null, null) : request);
    }
}
