package io.privacygate.consent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.outbox.ServiceTokens;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.privacygate.consent.config.ConsentConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * dsr-service's request API as a {@code dsr-intake} caller uses it (DESIGN §4, dsr-service's RequestResource,
 * RequestActionResource and ExportResource), with this service's client-credentials token: file a request
 * ({@code POST /api/v1/requests}, with an {@code Idempotency-Key}), state that the requester proved control of the
 * address by an e-mail code checked here ({@code POST /api/v1/requests/{id}/verification}, {@code EMAIL_CODE} with
 * {@code evidence}), read its state ({@code GET /api/v1/requests/{id}}) and download its package
 * ({@code GET /api/v1/requests/{id}/export}). dsr-service shows such a caller only the requests it filed.
 */
@ApplicationScoped
public class DsrClient {
    private static final Logger LOG = Logger.getLogger(DsrClient.class);
    private final WebClient http;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final URI base;
    private final long timeoutMillis;

    DsrClient(Vertx vertx, ServiceTokens tokens, ObjectMapper json, ConsentConfig config) {
        this.http = WebClient.create(vertx);
        this.tokens = tokens;
        this.json = json;
        String url = config.privacyCenter().dsrUrl();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.timeoutMillis = config.privacyCenter().dsrTimeout().toMillis();
    }

    @PreDestroy
    void close() {
        http.close();
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("identifiers", List.of(email));
        body.put("channel", "privacy-center");
        if (details != null && !details.isBlank()) {
            body.put("details", details);
        }
        if (corrected != null && !corrected.isEmpty()) {
            body.put("rectification", Map.of("identifiers", corrected));
        }
        return send(request("POST", "api/v1/requests").putHeader("Idempotency-Key", idempotencyKey), body, "file")
                .map(answer -> new DsrRequest(expect(answer, "file", 200, 201)));
    }

    /** {@code EMAIL_CODE}: the code was sent and checked here; {@code evidence} says what was checked, without PII. */
    public Uni<DsrRequest> verify(UUID id, String evidence, String idempotencyKey) {
        Map<String, Object> body = Map.of("method", "EMAIL_CODE", "evidence", evidence);
        return send(request("POST", "api/v1/requests/" + id + "/verification")
                .putHeader("Idempotency-Key", idempotencyKey), body, "verify")
                .map(answer -> new DsrRequest(expect(answer, "verify", 200)));
    }

    /** The request's state, or null when dsr-service does not know it (or it was not filed by us). */
    public Uni<DsrRequest> get(UUID id) {
        return send(request("GET", "api/v1/requests/" + id), null, "get").map(answer -> answer.statusCode() == 404
                ? null : new DsrRequest(expect(answer, "get", 200)));
    }

    /** The package, or null when there is none (yet, or any more). */
    public Uni<Export> export(UUID id) {
        return send(request("GET", "api/v1/requests/" + id + "/export").putHeader("Accept", "application/zip"), null, "export")
                .map(answer -> {
                    if (answer.statusCode() == 404 || answer.statusCode() == 409 || answer.statusCode() == 410) {
                        return null;
                    }
                    if (answer.statusCode() != 200) {
                        throw unavailable("export", answer.statusCode());
                    }
                    return new Export(answer.bodyAsBuffer().getBytes(), answer.getHeader("Content-Disposition"),
                            answer.getHeader("Repr-Digest"));
                });
    }

    private HttpRequest<Buffer> request(String method, String path) {
        URI uri = base.resolve(path);
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        HttpRequest<Buffer> request = http.request(io.vertx.core.http.HttpMethod.valueOf(method), port, uri.getHost(),
                uri.getRawPath()).timeout(timeoutMillis);
        return "https".equals(uri.getScheme()) ? request.ssl(true) : request;
    }

    private Uni<HttpResponse<Buffer>> send(HttpRequest<Buffer> request, Object body, String call) {
        return tokens.accessToken().chain(token -> {
            request.bearerTokenAuthentication(token);
            if (body == null) {
                return request.send();
            }
            try {
                return request.putHeader("Content-Type", "application/json")
                        .sendBuffer(Buffer.buffer(json.writeValueAsBytes(body)));
            } catch (IOException e) {
                return Uni.createFrom().failure(e);
            }
        }).onFailure(failure -> !(failure instanceof ProblemException)).transform(failure -> {
            LOG.warnf("dsr-service %s call failed: %s", call, failure.getClass().getSimpleName());
            return unavailable(call, 0);
        });
    }

    private JsonNode expect(HttpResponse<Buffer> answer, String call, int... statuses) {
        for (int status : statuses) {
            if (answer.statusCode() == status) {
                try {
                    return json.readTree(answer.bodyAsString());
                } catch (IOException e) {
                    throw unavailable(call, status);
                }
            }
        }
        throw unavailable(call, answer.statusCode());
    }

    private static ProblemException unavailable(String call, int status) {
        if (status != 0) {
            LOG.warnf("dsr-service answered %d to the %s call", status, call);
        }
        return new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE, "dsr-service could not take the request; try again.",
                List.of(), null);
    }

}
