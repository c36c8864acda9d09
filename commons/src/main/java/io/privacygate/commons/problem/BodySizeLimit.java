package io.privacygate.commons.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.Optional;

/**
 * Refuses bodies above the configured API limit with a problem+json 413, before they are read.
 * (Vert.x's own {@code quarkus.http.limits.max-body-size} stays as a larger backstop for chunked bodies.)
 */
public class BodySizeLimit {
    private final Limits limits;

    BodySizeLimit(Limits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(length.trim()) > limits.maxBodySize().asLongValue()) {
                return Optional.of(ProblemMappers.respond(ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body exceeds the limit of " + limits.maxBodySize().asLongValue() + " bytes."));
            }
        } catch (NumberFormatException e) {
            return Optional.of(ProblemMappers.respond(ProblemType.MALFORMED_BODY, "Invalid Content-Length."));
        }
        return Optional.empty();
    }

    @ConfigMapping(prefix = "privacy-gate.http")
    public interface Limits {
        /** The largest request body an API accepts. */
        @WithDefault("256K")
        MemorySize maxBodySize();
    }
}
