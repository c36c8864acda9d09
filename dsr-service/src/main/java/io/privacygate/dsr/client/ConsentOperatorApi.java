package io.privacygate.dsr.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.commons.web.Page;
import io.privacygate.dsr.api.ConsoleRecords;
import io.privacygate.dsr.api.LookupBody;
import io.privacygate.dsr.api.LookupResult;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;
import java.util.UUID;

/**
 * consent-service's API as the operator console calls it: always with the signed-in person's own access token
 * (DESIGN §1), so consent-service applies that person's roles and audits that person.
 */
@RegisterRestClient(configKey = "console-consent")
@RegisterProvider(SignedInPersonToken.class)
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
public interface ConsentOperatorApi {

    /** 404 when nobody holds the identifiers, 409 when they belong to different subjects; creates nothing. */
    @POST
    @Path("/subjects/lookup")
    Uni<LookupResult> lookup(LookupBody body);

    @GET
    @Path("/subjects/{subjectId}")
    Uni<ConsoleRecords.Subject> subject(@PathParam("subjectId") UUID subjectId);

    @GET
    @Path("/subjects/{subjectId}/consents")
    Uni<Page<ConsoleRecords.CurrentConsent>> consents(@PathParam("subjectId") UUID subjectId,
                                                      @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/subjects/{subjectId}/consents/history")
    Uni<Page<ConsoleRecords.ConsentEvent>> history(@PathParam("subjectId") UUID subjectId,
                                                   @QueryParam("page") int page, @QueryParam("size") int size);

    /** The signed consent record, a compact JWS. */
    @GET
    @Path("/receipts/{receiptId}")
    @Produces("application/jose")
    Uni<String> receipt(@PathParam("receiptId") UUID receiptId);

    @GET
    @Path("/purposes")
    Uni<Page<ConsoleRecords.Purpose>> purposes(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/purposes")
    Uni<ConsoleRecords.Purpose> createPurpose(Map<String, Object> purpose);

    /** A new version of an existing purpose; the old versions are kept. */
    @PUT
    @Path("/purposes/{key}")
    Uni<ConsoleRecords.Purpose> newVersion(@PathParam("key") String key, Map<String, Object> purpose);

    /** The Art. 30 record of processing activities, as CSV. */
    @GET
    @Path("/ropa")
    @Produces("text/csv")
    Uni<String> ropaCsv();

    /**
     * Art. 14(3)(a) (#20 point 4, contract C3): subjects obtained from a source who were not informed and whose
     * one-month clock ends within {@code within} (an ISO-8601 period) or has passed, nearest first. Read as JSON, a
     * list or a page of {@code {subjectId, obtainedAt, source, dueAt}}.
     */
    @GET
    @Path("/subjects/art14-due")
    Uni<JsonNode> art14Due(@QueryParam("within") String within);

    /** Records that the subject was given the Art. 14 information: {@code {informedAt, means}}. */
    @POST
    @Path("/subjects/{subjectId}/art14-informed")
    Uni<JsonNode> art14Informed(@PathParam("subjectId") UUID subjectId, Map<String, Object> informed);
}
