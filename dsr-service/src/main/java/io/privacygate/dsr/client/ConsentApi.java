package io.privacygate.dsr.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.dsr.api.ConsentBody;
import io.privacygate.dsr.api.LookupBody;
import io.privacygate.dsr.api.LookupResult;
import io.privacygate.dsr.api.ObjectionBody;
import io.privacygate.dsr.api.PurposePage;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** The parts of consent-service's API that dsr-service uses (DESIGN §4), with dsr-service's own token. */
@RegisterRestClient(configKey = "consent")
@OidcClientFilter
@Path("/api/v1")
public interface ConsentApi {

    /** 404 when nobody holds the identifiers, 409 when they belong to different subjects; creates nothing. */
    @POST
    @Path("/subjects/lookup")
    Uni<LookupResult> lookup(LookupBody body);

    @GET
    @Path("/purposes")
    Uni<PurposePage> purposes(@QueryParam("page") int page, @QueryParam("size") int size);

    /** Records the subject's objection to one purpose; a repeated one answers the objection recorded before. */
    @POST
    @Path("/subjects/{subjectId}/objections")
    Uni<JsonNode> object(@PathParam("subjectId") UUID subjectId, ObjectionBody body);

    /** Answers the recorded event; a repeated {@code Idempotency-Key} replays it. */
    @POST
    @Path("/consents")
    Uni<JsonNode> record(@HeaderParam("Idempotency-Key") String idempotencyKey, ConsentBody body);
}
