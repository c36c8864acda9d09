package io.privacygate.ingestion.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.privacygate.commons.identity.Identifier;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * dsr-service's intake (DESIGN §4): opening a request and recording how the person was verified. Under
 * {@code quarkus.rest-client.dsr.*}, with this service's own client-credentials token.
 */
@RegisterRestClient(configKey = "dsr")
@OidcClientFilter
@Path("/api/v1/requests")
public interface DsrApi {

    @POST
    Uni<RequestView> open(@HeaderParam("Idempotency-Key") String idempotencyKey, OpenRequest request);

    @POST
    @Path("/{id}/verification")
    Uni<RequestView> verify(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id, Verification verification);

    @GET
    @Path("/{id}")
    Uni<RequestView> get(@PathParam("id") UUID id);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OpenRequest(String type, List<Identifier> identifiers, String channel, String details, Instant receivedAt) {
        @Override
        public String toString() {
            return "OpenRequest[type=" + type + ", channel=" + channel + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verification(String method, String evidence) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RequestView(UUID id, String status, String outcome, Instant dueAt) {
    }
}
