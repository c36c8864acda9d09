package io.privacygate.consent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.commons.identity.Identifier;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/**
 * dsr-service's request API as a {@code dsr-intake} caller uses it (DESIGN §4; dsr-service's RequestResource,
 * RequestActionResource and ExportResource), with this service's client-credentials token. Configured under
 * {@code quarkus.rest-client.dsr.*}; {@link DsrClient} maps its answers.
 */
@RegisterRestClient(configKey = "dsr")
@OidcClientFilter
@Path("/api/v1/requests")
public interface DsrApi {

    @POST
    Uni<RestResponse<JsonNode>> file(@HeaderParam("Idempotency-Key") String idempotencyKey, Filing filing);

    @POST
    @Path("/{id}/verification")
    Uni<RestResponse<JsonNode>> verify(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                       Verification verification);

    @GET
    @Path("/{id}")
    Uni<RestResponse<JsonNode>> get(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/export")
    @Produces("application/zip")
    Uni<RestResponse<byte[]>> export(@PathParam("id") UUID id);

    /** A request filed for the address the subject verified here; empty details and rectification are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Filing(String type, List<Identifier> identifiers, String channel, String details, Rectification rectification) {
        @Override
        public String toString() {
            return "Filing[type=" + type + ", channel=" + channel + "]";
        }
    }

    record Rectification(List<Identifier> identifiers) {
        @Override
        public String toString() {
            return "Rectification[" + identifiers.size() + " identifiers]";
        }
    }

    /** {@code EMAIL_CODE}: the code was sent and checked here; {@code evidence} says what was checked, without PII. */
    record Verification(String method, String evidence) {
    }
}
