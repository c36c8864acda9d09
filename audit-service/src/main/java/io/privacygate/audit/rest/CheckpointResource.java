package io.privacygate.audit.rest;

import io.privacygate.audit.rest.Views.CheckpointView;
import io.privacygate.audit.rest.Views.KeysView;
import io.privacygate.audit.service.CheckpointService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/checkpoints")
public class CheckpointResource {
    private final CheckpointService checkpoints;

    CheckpointResource(CheckpointService checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GET
    @Path("latest")
    @RolesAllowed({"auditor", "dpo"})
    @Operation(summary = "The latest signed tree head")
    public Uni<CheckpointView> latest() {
        return checkpoints.latest().map(CheckpointView::of);
    }

    /**
     * Signing is a write, so auditors (read-only by role) may not; the DPO and the writing services may,
     * for instance to get a checkpoint that covers events they just appended.
     */
    @POST
    @RolesAllowed({"dpo", "audit-writer"})
    @Operation(summary = "Sign the current tree head: 201 with a new checkpoint, or 200 with the latest if the tree has not grown")
    public Uni<RestResponse<CheckpointView>> create() {
        return checkpoints.checkpoint().map(issued -> issued.created()
                ? RestResponse.status(RestResponse.Status.CREATED, CheckpointView.of(issued.checkpoint()))
                : RestResponse.ok(CheckpointView.of(issued.checkpoint())));
    }

    @GET
    @Path("keys")
    @PermitAll
    @Operation(summary = "The Ed25519 public keys (raw 32 bytes, base64) that sign checkpoints")
    public Uni<KeysView> keys() {
        return checkpoints.keys().map(KeysView::new);
    }
}
