package io.privacygate.ingestion.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Meta's Graph API read of one object by id ({@code GET /{object-id}?fields=id}), to learn whether a stored comment still
 * exists. Same base URL and timeouts as {@link GraphApi} ({@code quarkus.rest-client.meta-graph.*}); an error answer is
 * read as Graph's documented error object ({@code error.code}, {@code error.error_subcode},
 * <a href="https://developers.facebook.com/docs/graph-api/guides/error-handling">Handling Errors</a>).
 */
@RegisterRestClient(configKey = "meta-graph")
public interface GraphObjectsApi {

    @GET
    @Path("/{objectId}")
    Uni<JsonNode> object(@HeaderParam("Authorization") String authorization, @PathParam("objectId") String objectId,
                         @QueryParam("fields") String fields);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int code = 0;
        int subcode = 0;
        try {
            JsonNode error = new ObjectMapper().readTree(response.readEntity(String.class)).path("error");
            code = error.path("code").asInt();
            subcode = error.path("error_subcode").asInt();
        } catch (RuntimeException | java.io.IOException unreadable) {
            // not Graph's error object: known by its status only
        }
        return new GraphErrorException(response.getStatus(), code, subcode);
    }
}
