package io.privacygate.dsr.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.commons.web.Page;
import io.privacygate.dsr.api.ConsoleRecords;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** audit-service's read and verification API, called by the console with the signed-in person's own token. */
@RegisterRestClient(configKey = "console-audit")
@RegisterProvider(SignedInPersonToken.class)
@Path("/api/v1")
public interface AuditApi {

    @GET
    @Path("/checkpoints/latest")
    Uni<ConsoleRecords.Checkpoint> latestCheckpoint();

    /** Public: the Ed25519 keys that sign checkpoints. */
    @GET
    @Path("/checkpoints/keys")
    Uni<ConsoleRecords.CheckpointKeys> checkpointKeys();

    /** Recomputes the tree from storage against the signed checkpoints. */
    @POST
    @Path("/verification")
    Uni<JsonNode> verify();

    @GET
    @Path("/entries/{index}")
    Uni<ConsoleRecords.Entry> entry(@PathParam("index") long index);

    @GET
    @Path("/proofs/inclusion")
    Uni<ConsoleRecords.InclusionProof> inclusion(@QueryParam("index") long index, @QueryParam("treeSize") long treeSize);

    /** The events about one subject, oldest first. */
    @GET
    @Path("/events")
    Uni<Page<ConsoleRecords.IndexedEvent>> events(@QueryParam("subjectRef") String subjectRef,
                                                  @QueryParam("page") int page, @QueryParam("size") int size);
}
