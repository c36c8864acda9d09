package io.privacygate.dsr.client;

import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.commons.dsr.RestrictionRequest;
import io.privacygate.commons.dsr.RestrictionState;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.UUID;

/** The DSR participant contract (DESIGN §4) as served by every data-holding service; all calls are idempotent. */
@Path("/dsr/v1/subjects/{subjectId}")
public interface ParticipantApi {

    @GET
    Uni<DsrExport> export(@PathParam("subjectId") UUID subjectId, @HeaderParam("Authorization") String authorization);

    @DELETE
    Uni<ErasureReceipt> erase(@PathParam("subjectId") UUID subjectId, @HeaderParam("Authorization") String authorization,
                              @HeaderParam("Idempotency-Key") String idempotencyKey);

    @PUT
    @Path("/restriction")
    Uni<RestrictionState> restrict(@PathParam("subjectId") UUID subjectId, @HeaderParam("Authorization") String authorization,
                                   @HeaderParam("Idempotency-Key") String idempotencyKey, RestrictionRequest request);

    @PATCH
    Uni<RectificationResult> rectify(@PathParam("subjectId") UUID subjectId, @HeaderParam("Authorization") String authorization,
                                     @HeaderParam("Idempotency-Key") String idempotencyKey, RectificationRequest request);
}
