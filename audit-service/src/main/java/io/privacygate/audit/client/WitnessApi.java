package io.privacygate.audit.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A witness's submission endpoint (c2sp.org/tlog-witness), relative to its configured prefix. */
public interface WitnessApi {

    /** The body is "old N", the consistency proof, a blank line and the signed note; the answer is text either way. */
    @POST
    @Path("/add-checkpoint")
    @Consumes(MediaType.TEXT_PLAIN + ";charset=utf-8")
    Uni<Response> addCheckpoint(String body);
}
