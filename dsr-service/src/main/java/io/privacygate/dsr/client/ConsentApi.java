package io.privacygate.dsr.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** The parts of consent-service's API that dsr-service uses (DESIGN §4). */
@Path("/api/v1")
public interface ConsentApi {

    /** 404 when nobody holds the identifiers, 409 when they belong to different subjects; creates nothing. */
    @POST
    @Path("/subjects/lookup")
    Uni<LookupResult> lookup(@HeaderParam("Authorization") String authorization, LookupBody body);

    @GET
    @Path("/purposes")
    Uni<PurposePage> purposes(@HeaderParam("Authorization") String authorization, @QueryParam("page") int page,
                              @QueryParam("size") int size);

    /** Answers the recorded event; a repeated {@code Idempotency-Key} replays it. */
    @POST
    @Path("/consents")
    Uni<JsonNode> record(@HeaderParam("Authorization") String authorization,
                         @HeaderParam("Idempotency-Key") String idempotencyKey, ConsentBody body);
}
