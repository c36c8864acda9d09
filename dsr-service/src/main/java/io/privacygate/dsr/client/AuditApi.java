package io.privacygate.dsr.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.commons.web.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** audit-service's read and verification API, called by the console with the signed-in person's own token. */
@Path("/api/v1")
public interface AuditApi {

    @GET
    @Path("/checkpoints/latest")
    Uni<ConsoleRecords.Checkpoint> latestCheckpoint(@HeaderParam("Authorization") String authorization);

    /** Public: the Ed25519 keys that sign checkpoints. */
    @GET
    @Path("/checkpoints/keys")
    Uni<ConsoleRecords.CheckpointKeys> checkpointKeys();

    /** Recomputes the tree from storage against the signed checkpoints. */
    @POST
    @Path("/verification")
    Uni<JsonNode> verify(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/entries/{index}")
    Uni<ConsoleRecords.Entry> entry(@HeaderParam("Authorization") String authorization, @PathParam("index") long index);

    @GET
    @Path("/proofs/inclusion")
    Uni<ConsoleRecords.InclusionProof> inclusion(@HeaderParam("Authorization") String authorization,
                                                 @QueryParam("index") long index, @QueryParam("treeSize") long treeSize);

    /** The events about one subject, oldest first. */
    @GET
    @Path("/events")
    Uni<Page<ConsoleRecords.IndexedEvent>> events(@HeaderParam("Authorization") String authorization,
                                                  @QueryParam("subjectRef") String subjectRef,
                                                  @QueryParam("page") int page, @QueryParam("size") int size);
}
