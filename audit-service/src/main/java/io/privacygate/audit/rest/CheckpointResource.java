package io.privacygate.audit.rest;

import io.privacygate.audit.model.Checkpoint;
import io.privacygate.audit.api.Views.CheckpointView;
import io.privacygate.audit.api.Views.KeyView;
import io.privacygate.audit.api.Views.KeysView;
import io.privacygate.audit.service.tree.CheckpointService;
import io.privacygate.commons.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/checkpoints")
public class CheckpointResource {
    private final CheckpointService checkpoints;

    CheckpointResource(CheckpointService checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GET
    @Path("latest")
    @RolesAllowed({Roles.AUDITOR, Roles.DPO})
    @Operation(summary = "The latest signed tree head")
    @APIResponse(responseCode = "200", description = "The latest checkpoint")
    @APIResponse(responseCode = "404", description = "No checkpoint has been published yet")
    public Uni<CheckpointView> latestCheckpoint() {
        return checkpoints.latest().chain(this::view);
    }

    /**
     * Signing is a write, so auditors (read-only by role) may not; the DPO and the writing services may,
     * for instance to get a checkpoint that covers events they just appended.
     */
    @POST
    @RolesAllowed({Roles.DPO, Roles.AUDIT_WRITER})
    @Operation(summary = "Sign the current tree head: 201 with a new checkpoint, or 200 with the latest if the tree has not grown")
    @APIResponse(responseCode = "201", description = "A new checkpoint of the grown tree")
    @APIResponse(responseCode = "200", description = "The latest checkpoint: the tree has not grown")
    @APIResponse(responseCode = "503", description = "The signing key is unavailable; retry")
    public Uni<RestResponse<CheckpointView>> signCheckpoint() {
        return checkpoints.checkpoint().chain(issued -> view(issued.checkpoint()).map(view -> issued.created()
                ? RestResponse.status(RestResponse.Status.CREATED, view)
                : RestResponse.ok(view)));
    }

    @GET
    @Path("keys")
    @PermitAll
    @Operation(summary = "Every Ed25519 key that signed or signs checkpoints, oldest first: raw 32 bytes (base64), C2SP verifier key, validity")
    @APIResponse(responseCode = "200", description = "The keys")
    @APIResponse(responseCode = "503", description = "The signing key is unavailable; retry")
    public Uni<KeysView> checkpointKeys() {
        return checkpoints.keys().map(keys -> new KeysView(keys.stream().map(published -> new KeyView(
                published.key().keyId(), published.key().algorithm(), published.key().publicKey(),
                published.verifier().encoded(), published.current(), published.validFrom(), published.validUntil())).toList()));
    }

    private Uni<CheckpointView> view(Checkpoint checkpoint) {
        return checkpoints.signedNote(checkpoint).map(signed -> CheckpointView.of(checkpoint, signed));
    }
}
