package io.privacygate.ingestion.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** consent-service's v1 API, the calls this service makes (DESIGN §4). Base URL: {@code privacy-gate.ingestion.consent-url}. */
@RegisterRestClient(configKey = "consent")
@Path("/api/v1")
public interface ConsentApi {

    @POST
    @Path("/subjects/resolve/batch")
    Uni<ConsentDtos.BatchResolveResults> resolveAll(@HeaderParam("Authorization") String authorization,
                                                    ConsentDtos.BatchResolveRequest request);

    @POST
    @Path("/decisions")
    Uni<ConsentDtos.Decision> decide(@HeaderParam("Authorization") String authorization,
                                     ConsentDtos.DecisionQuery query);

    @POST
    @Path("/decisions/batch")
    Uni<ConsentDtos.BatchDecisions> decideAll(@HeaderParam("Authorization") String authorization,
                                              @HeaderParam("Sec-GPC") String gpc,
                                              ConsentDtos.BatchDecisionRequest request);

    @GET
    @Path("/purposes/{key}")
    Uni<ConsentDtos.PurposeDefinition> purpose(@HeaderParam("Authorization") String authorization,
                                               @PathParam("key") String key);
}
