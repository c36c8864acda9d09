package io.privacygate.ingestion.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's v1 API, the calls this service makes (DESIGN §4), under {@code quarkus.rest-client.consent.*}, with this
 * service's own client-credentials token (quarkus-oidc-client, fetched and refreshed by the filter).
 */
@RegisterRestClient(configKey = "consent")
@OidcClientFilter
@Path("/api/v1")
public interface ConsentApi {

    @POST
    @Path("/subjects/resolve/batch")
    Uni<ConsentDtos.BatchResolveResults> resolveAll(ConsentDtos.BatchResolveRequest request);

    @POST
    @Path("/decisions")
    Uni<ConsentDtos.Decision> decide(ConsentDtos.DecisionQuery query);

    @POST
    @Path("/decisions/batch")
    Uni<ConsentDtos.BatchDecisions> decideAll(@HeaderParam("Sec-GPC") String gpc, ConsentDtos.BatchDecisionRequest request);

    @POST
    @Path("/consents")
    Uni<Response> record(@HeaderParam("Idempotency-Key") String idempotencyKey, ConsentDtos.ConsentEvent event);

    @GET
    @Path("/purposes/{key}")
    Uni<ConsentDtos.PurposeDefinition> purpose(@PathParam("key") String key);
}
