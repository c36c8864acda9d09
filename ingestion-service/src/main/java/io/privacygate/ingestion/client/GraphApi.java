package io.privacygate.ingestion.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Meta's Graph API: {@code GET /{lead-id}?fields=...} answers a lead with its {@code field_data};
 * {@code GET /{ig-user-id}?fields=mentioned_comment.comment_id(...){...}} answers a comment in which the Instagram
 * account was @mentioned. Base URL:
 * {@code privacy-gate.platforms.meta.graph-url}. The token goes in the Authorization header, never in a
 * URL that could be logged.
 */
@RegisterRestClient(configKey = "meta-graph")
public interface GraphApi {

    @GET
    @Path("/{leadId}")
    Uni<JsonNode> lead(@HeaderParam("Authorization") String authorization, @PathParam("leadId") String leadId,
                       @QueryParam("fields") String fields);

    @GET
    @Path("/{igUserId}")
    Uni<JsonNode> igUser(@HeaderParam("Authorization") String authorization, @PathParam("igUserId") String igUserId,
                         @QueryParam("fields") String fields);
}
