package io.privacygate.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The one place where failures become problem+json. Responses name fields, never values, and never
 * expose class names or stack traces; unexpected failures are logged with an id the client can quote.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String UNAUTHORIZED_DETAIL = "A valid bearer token is required.";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(BodySizeLimit.TooLarge e) {
        return respond(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400,
                "The request has invalid fields.", errors));
    }

    /** Replaces RESTEasy's built-in text/plain answer for a body of the wrong shape. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        List<Problem.FieldError> errors = field.isEmpty()
                ? List.of()
                : List.of(new Problem.FieldError(field, "has a value of the wrong type or format"));
        return respond(new Problem(ProblemType.MALFORMED_BODY.uri(), ProblemType.MALFORMED_BODY.title(), 400,
                "The request body is not valid JSON of the expected shape.", errors));
    }

    @ServerExceptionMapper(priority = 1)
    public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext context) {
        return challenge(context);
    }

    @ServerExceptionMapper(priority = 1)
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, RoutingContext context) {
        return challenge(context);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return respond(ProblemType.FORBIDDEN, "Your roles do not allow this.");
    }

    /**
     * The authentication mechanism's own challenge, so that a bearer API answers {@code WWW-Authenticate: Bearer}
     * and a browser session is redirected to its identity provider; a 401 also carries a problem body.
     */
    private static Uni<Response> challenge(RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(respond(ProblemType.UNAUTHORIZED, UNAUTHORIZED_DETAIL));
        }
        return authenticator.getChallenge(context)
                .map(challenge -> {
                    if (challenge == null) {
                        return respond(ProblemType.UNAUTHORIZED, UNAUTHORIZED_DETAIL);
                    }
                    Response.ResponseBuilder builder = challenge.status == 401
                            ? Response.fromResponse(respond(ProblemType.UNAUTHORIZED, UNAUTHORIZED_DETAIL))
                            : Response.status(challenge.status);
                    challenge.getHeaders().forEach((name, value) -> builder.header(name.toString(), value));
                    return builder.build();
                })
                .onFailure().recoverWithItem(() -> respond(ProblemType.UNAUTHORIZED, UNAUTHORIZED_DETAIL));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(ProblemType.NOT_FOUND, "No such resource.");
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The request's content type is not accepted here.");
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e) {
        Response problem = respond(ProblemType.METHOD_NOT_ALLOWED, "This resource does not support the method.");
        Set<String> allowed = e.getResponse().getAllowedMethods();
        return allowed.isEmpty() ? problem : Response.fromResponse(problem).allow(allowed).build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return respond(ProblemType.NOT_ACCEPTABLE, "The resource cannot answer in any of the accepted media types.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400) {
            return respond(ProblemType.MALFORMED_BODY, "The request could not be read.");
        }
        if (status == 413) {
            return respond(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the configured limit.");
        }
        if (status < 500) {
            // Every refusal is a problem (RFC 9457), also those of the JAX-RS runtime that have no mapper of their own.
            return Arrays.stream(ProblemType.values()).filter(type -> type.status() == status).findFirst()
                    .map(type -> respond(type, "The request was refused."))
                    .orElseGet(() -> respond(new Problem("about:blank", e.getResponse().getStatusInfo().getReasonPhrase(),
                            status, "The request was refused.", List.of())));
        }
        return internal(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return internal(e);
    }

    private Response internal(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(RedactedThrowable.of(e), "Unexpected failure, error id %s", errorId);
        return respond(ProblemType.INTERNAL, "An unexpected error occurred. Error id: " + errorId);
    }

    static Response respond(ProblemType type, String detail) {
        return respond(new Problem(type.uri(), type.title(), type.status(), detail, List.of()));
    }

    static Response respond(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            builder.header("Retry-After", "5");
        }
        if (problem.status() == 413) {
            // The rest of a body that will not be read is not waited for.
            builder.header("Connection", "close");
        }
        return builder.build();
    }

    /** "create.request.identifiers[0].value" becomes "identifiers[0].value": the method and parameter are noise. */
    static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        int firstBeanNode = 0;
        for (int i = 0; i < nodes.size(); i++) {
            var kind = nodes.get(i).getKind();
            if (kind == jakarta.validation.ElementKind.METHOD || kind == jakarta.validation.ElementKind.PARAMETER) {
                firstBeanNode = i + 1;
            }
        }
        List<Path.Node> fieldNodes = nodes.subList(Math.min(firstBeanNode, nodes.size()), nodes.size());
        if (fieldNodes.isEmpty()) {
            return nodes.isEmpty() ? "body" : nodes.get(nodes.size() - 1).getName();
        }
        // An index belongs to the container before the node: queries[1].channel, tags[1].
        StringBuilder name = new StringBuilder();
        for (Path.Node node : fieldNodes) {
            if (node.isInIterable() && node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                name.append('[').append(node.getKey()).append(']');
            }
            String nodeName = node.getName();
            if (nodeName == null || nodeName.startsWith("<")) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(nodeName);
        }
        return name.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
