package io.privacygate.commons.web;

import io.privacygate.commons.problem.Problem;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Exists only in commons' tests: an operation checked by a signature, not a token, with a 401 of its own. */
@Path("/signed-probe")
public class SignedProbeResource {

    @POST
    @Operation(summary = "A stand-in for a signature-checked webhook")
    @APIResponse(responseCode = "200", description = "Accepted")
    @APIResponse(responseCode = "401", description = "The signature does not verify", content = @Content(mediaType = Problem.MEDIA_TYPE,
            example = "{\"type\":\"urn:privacy-gate:problem:invalid-signature\",\"title\":\"Invalid signature\",\"status\":401}"))
    public String receive() {
        return "ok";
    }
}
