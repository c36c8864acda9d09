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

import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * audit-service's read and verification API, and its alerts and breach register (Art. 33-34), called by the console
 * with the signed-in person's own token: audit-service applies and audits that person's roles.
 */
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

    /** Alerts, newest first, of one status (OPEN, ACKNOWLEDGED, ESCALATED) or all. */
    @GET
    @Path("/alerts")
    Uni<Page<ConsoleRecords.Alert>> alerts(@QueryParam("status") String status, @QueryParam("page") int page,
                                           @QueryParam("size") int size);

    /** The DPO judged the alert no breach. */
    @POST
    @Path("/alerts/{id}/acknowledgement")
    Uni<ConsoleRecords.Alert> acknowledge(@PathParam("id") UUID id);

    /** The alert goes to the breach register; the body corrects the defaults it brings (risk, awareAt, ...). */
    @POST
    @Path("/alerts/{id}/escalation")
    Uni<ConsoleRecords.Breach> escalate(@PathParam("id") UUID id, Map<String, Object> corrections);

    /** The register, most recently discovered first, each with its clock. */
    @GET
    @Path("/breaches")
    Uni<Page<ConsoleRecords.Breach>> breaches(@QueryParam("page") int page, @QueryParam("size") int size);

    /** A breach recorded by hand (Art. 33(3), 33(5)); awareAt starts the 72-hour clock. */
    @POST
    @Path("/breaches")
    Uni<ConsoleRecords.Breach> recordBreach(Map<String, Object> draft);

    /** Art. 33(1): the authority was notified. */
    @POST
    @Path("/breaches/{id}/authority-notification")
    Uni<ConsoleRecords.Breach> authorityNotified(@PathParam("id") UUID id, Map<String, Object> notice);

    /** Art. 34: the subjects were told, or an Art. 34(3) exemption applies. */
    @POST
    @Path("/breaches/{id}/subject-notification")
    Uni<ConsoleRecords.Breach> subjectsNotified(@PathParam("id") UUID id, Map<String, Object> notice);
}
