package io.privacygate.ingestion.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * LinkedIn's versioned Marketing API, the Lead Sync calls: {@code GET /leadFormResponses/{id}} answers one lead form
 * response (its {@code formResponse.answers} by {@code questionId} and its {@code formResponse.consentResponses});
 * {@code GET /leadForms/{id}} answers the form with its {@code content.questions} and {@code content.consents}. Base URL:
 * {@code privacy-gate.platforms.linkedin.api-url}. The token goes in the Authorization header, never in a URL; every call
 * names its API version ({@code LinkedIn-Version}) and the Rest.li protocol version, as LinkedIn requires.
 */
@RegisterRestClient(configKey = "linkedin-api")
public interface LinkedInApi {

    @GET
    @Path("/leadFormResponses/{responseId}")
    Uni<JsonNode> leadFormResponse(@HeaderParam("Authorization") String authorization,
                                   @HeaderParam("LinkedIn-Version") String version,
                                   @HeaderParam("X-Restli-Protocol-Version") String protocol,
                                   @PathParam("responseId") String responseId);

    @GET
    @Path("/leadForms/{formId}")
    Uni<JsonNode> leadForm(@HeaderParam("Authorization") String authorization,
                           @HeaderParam("LinkedIn-Version") String version,
                           @HeaderParam("X-Restli-Protocol-Version") String protocol,
                           @PathParam("formId") String formId);
}
