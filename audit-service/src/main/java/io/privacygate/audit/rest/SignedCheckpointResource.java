package io.privacygate.audit.rest;

import io.privacygate.audit.service.tree.CheckpointService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The latest checkpoint as a C2SP signed note, where tlog clients and witnesses look for it
 * (c2sp.org/tlog-tiles, "Checkpoints"). It holds a tree size and a root hash, nothing personal, so it is public.
 */
@Path("/checkpoint")
@PermitAll
public class SignedCheckpointResource {
    /** The endpoint is mutable: "its headers SHOULD prevent caching beyond a few seconds" (c2sp.org/tlog-tiles). */
    static final String CACHE_CONTROL = "public, max-age=5";

    private final CheckpointService checkpoints;

    SignedCheckpointResource(CheckpointService checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GET
    @Produces("text/plain; charset=utf-8")
    @Operation(summary = "The latest checkpoint as a C2SP signed note: origin, tree size, root hash, a blank line, signature lines")
    @APIResponse(responseCode = "200", description = "The signed note", content = @Content(mediaType = "text/plain; charset=utf-8"))
    @APIResponse(responseCode = "404", description = "No checkpoint has been published yet")
    @APIResponse(responseCode = "503", description = "The signing key is unavailable; retry")
    public Uni<RestResponse<String>> signedCheckpoint() {
        return checkpoints.latest().chain(checkpoints::signedNote)
                .map(note -> RestResponse.ResponseBuilder.ok(note.format())
                        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build());
    }
}
