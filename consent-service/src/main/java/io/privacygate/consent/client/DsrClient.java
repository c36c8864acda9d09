package io.privacygate.consent.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * dsr-service as the privacy center uses it: file a request ({@code POST /api/v1/requests}, with an
 * {@code Idempotency-Key}), state that the requester proved control of the address by an e-mail code checked here
 * ({@code POST /api/v1/requests/{id}/verification}), read its state and download its package. dsr-service shows such
 * a caller only the requests it filed. Any answer other than those expected, and any failure to reach dsr-service,
 * is a 503 problem: the subject is told to try again.
 */
@ApplicationScoped
public class DsrClient {
    private static final Logger LOG = Logger.getLogger(DsrClient.class);
    /** dsr-service's answers to an export that has no package to give: unknown, not ready, expired. */
    private static final Set<Integer> NO_PACKAGE = Set.of(404, 409, 410);
    private final DsrApi api;

    DsrClient(@RestClient DsrApi api) {
        this.api = api;
    }

    /** The request as dsr-service answers it to its filing service: its state only, never identifiers. */
    public record DsrRequest(JsonNode body) {
        public UUID id() {
            return UUID.fromString(body.path("id").asText());
        }
    }

    /** A completed request's package. */
    public record Export(byte[] zip, String contentDisposition, String digest) {
    }

    public Uni<DsrRequest> file(String type, Identifier email, String details, List<Identifier> corrected,
                                String idempotencyKey) {
        DsrApi.Filing filing = new DsrApi.Filing(type, List.of(email), "privacy-center",
                details != null && !details.isBlank() ? details : null,
                corrected != null && !corrected.isEmpty() ? new DsrApi.Rectification(corrected) : null);
        return call("file", Uni.createFrom().deferred(() -> api.file(idempotencyKey, filing)))
                .map(answer -> new DsrRequest(expect(answer, "file", 200, 201)));
    }

    public Uni<DsrRequest> verify(UUID id, String evidence, String idempotencyKey) {
        return call("verify", Uni.createFrom().deferred(() ->
                        api.verify(id, idempotencyKey, new DsrApi.Verification("EMAIL_CODE", evidence))))
                .map(answer -> new DsrRequest(expect(answer, "verify", 200)));
    }

    /** The request's state, or null when dsr-service does not know it (or it was not filed by us). */
    public Uni<DsrRequest> get(UUID id) {
        return call("get", Uni.createFrom().deferred(() -> api.get(id)))
                .map(answer -> answer.getStatus() == 404 ? null : new DsrRequest(expect(answer, "get", 200)));
    }

    /** The package, or null when there is none (yet, or any more). */
    public Uni<Export> export(UUID id) {
        return call("export", Uni.createFrom().deferred(() -> api.export(id))).map(answer -> {
            if (NO_PACKAGE.contains(answer.getStatus())) {
                return null;
            }
            if (answer.getStatus() != 200) {
                throw unavailable("export", answer.getStatus());
            }
            return new Export(answer.getEntity(), answer.getHeaderString("Content-Disposition"),
                    answer.getHeaderString("Repr-Digest"));
        });
    }

    /**
     * The answer whatever its status (the REST client fails on 4xx and 5xx; their status, without a body, is what we
     * map); failures to reach dsr-service or to get this service's token become the 503 problem.
     */
    private static <T> Uni<RestResponse<T>> call(String name, Uni<RestResponse<T>> call) {
        return call.onFailure(WebApplicationException.class)
                .recoverWithItem(failure -> RestResponse.<T>status(
                        ((WebApplicationException) failure).getResponse().getStatus()))
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(failure -> {
                    LOG.warnf("dsr-service %s call failed: %s", name, failure.getClass().getSimpleName());
                    return unavailable(name, 0);
                });
    }

    private static JsonNode expect(RestResponse<JsonNode> answer, String call, int... statuses) {
        for (int status : statuses) {
            if (answer.getStatus() == status && answer.getEntity() != null) {
                return answer.getEntity();
            }
        }
        throw unavailable(call, answer.getStatus());
    }

    private static ProblemException unavailable(String call, int status) {
        if (status != 0) {
            LOG.warnf("dsr-service answered %d to the %s call", status, call);
        }
        return new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE, "dsr-service could not take the request; try again.",
                List.of(), null);
    }
}
