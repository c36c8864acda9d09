package io.privacygate.ingestion.rest;

import io.privacygate.commons.problem.Problem;
import io.privacygate.ingestion.service.IngestionMetrics;
import io.privacygate.ingestion.service.webhook.InvalidSignatureException;
import io.privacygate.ingestion.service.webhook.SignatureRejections;
import io.privacygate.ingestion.service.crm.PurposeNotPermittedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The two refusals that commons' problem types do not cover: a platform signature that does not verify
 * (401), and a purpose that does not permit a read (403, with consent-service's reason code).
 */
public class WebhookProblems {
    static final String INVALID_SIGNATURE = "urn:privacy-gate:problem:invalid-signature";
    /** The webhooks' 401 as the OpenAPI document shows it. */
    static final String INVALID_SIGNATURE_EXAMPLE = "{\"type\":\"" + INVALID_SIGNATURE + "\",\"title\":\"Invalid signature\","
            + "\"status\":401,\"detail\":\"The request's signature is missing or does not verify; nothing was stored.\"}";
    static final String PURPOSE_NOT_PERMITTED = "urn:privacy-gate:problem:purpose-not-permitted";

    private final SignatureRejections rejections;
    private final IngestionMetrics metrics;

    WebhookProblems(SignatureRejections rejections, IngestionMetrics metrics) {
        this.rejections = rejections;
        this.metrics = metrics;
    }

    /** Counted for the breach monitor (aggregated, see {@link SignatureRejections}) and for operators, then refused. */
    @ServerExceptionMapper
    public Response invalidSignature(InvalidSignatureException e, HttpServerRequest request) {
        metrics.signatureFailed(e.platform());
        rejections.count(e.platform(), request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        return respond(new Problem(INVALID_SIGNATURE, "Invalid signature", 401,
                "The request's " + e.getMessage() + " is missing or does not verify; nothing was stored.", List.of()));
    }

    @ServerExceptionMapper
    public Response purposeNotPermitted(PurposeNotPermittedException e) {
        return respond(new Problem(PURPOSE_NOT_PERMITTED, "Purpose not permitted", 403,
                "This subject's data may not be used for the declared purpose (" + e.reason() + ").", List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
