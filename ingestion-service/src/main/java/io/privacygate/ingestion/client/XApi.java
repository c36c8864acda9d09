package io.privacygate.ingestion.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * X API v2's batch compliance endpoints ({@code POST /2/compliance/jobs}, {@code GET /2/compliance/jobs/{id}}), base URL
 * {@code privacy-gate.platforms.x.api-url}, with the app-only bearer token in the Authorization header
 * (<a href="https://developer.x.com/en/docs/x-api/compliance/batch-compliance/quick-start">Batch compliance quick start</a>).
 */
@RegisterRestClient(configKey = "x-api")
@Path("/2/compliance/jobs")
public interface XApi {

    @POST
    Uni<JobEnvelope> create(@HeaderParam("Authorization") String authorization, NewJob job);

    @GET
    @Path("/{id}")
    Uni<JobEnvelope> get(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /** {@code type}: {@code tweets} or {@code users}. */
    record NewJob(String type, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record JobEnvelope(Job data) {
    }

    /** The documented job: its status is {@code created}, {@code in_progress}, {@code complete}, {@code failed} or {@code expired}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Job(String id, String type, String status, @JsonProperty("upload_url") String uploadUrl,
               @JsonProperty("download_url") String downloadUrl) {
    }
}
