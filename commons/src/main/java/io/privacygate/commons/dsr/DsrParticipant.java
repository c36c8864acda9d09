package io.privacygate.commons.dsr;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * The DSR participant contract (DESIGN §4): what every service that holds personal data serves to dsr-service, and
 * what dsr-service's client is built from. Every call is idempotent, so dsr-service may repeat any of them after a
 * failure without a key to tell the repeats apart. Implementations add their role check and their OpenAPI text.
 */
@Path("/dsr/v1/subjects/{subjectId}")
@Produces(MediaType.APPLICATION_JSON)
public interface DsrParticipant {

    /** Art. 15/20: everything held about the subject, decrypted. */
    @GET
    Uni<DsrExport> exportSubject(@PathParam("subjectId") UUID subjectId);

    /** Art. 17: crypto-shred the subject's key, then delete; a repeated erasure answers the receipt again. */
    @DELETE
    Uni<ErasureReceipt> eraseSubject(@PathParam("subjectId") UUID subjectId);

    /** Art. 18: set or lift the restriction of processing. */
    @PUT
    @Path("/restriction")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestrictionState> restrictSubject(@PathParam("subjectId") UUID subjectId, @Valid @NotNull RestrictionRequest request);

    /** Art. 16: replace the identifiers and contact fields of the types given. */
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    Uni<RectificationResult> rectifySubject(@PathParam("subjectId") UUID subjectId, @Valid @NotNull RectificationRequest request);
}
