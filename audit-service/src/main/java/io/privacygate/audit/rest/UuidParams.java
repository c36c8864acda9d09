package io.privacygate.audit.rest;

import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.web.Params;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Reads a {@code UUID} path or query parameter as {@link Params#uuid} does, so that a malformed one is a problem+json
 * 400 naming it, as audit's API documents. Without it JAX-RS answers a bare 404: RESTEasy Reactive turns every
 * conversion failure of a path parameter into a NotFoundException, except a WebApplicationException, whose
 * response with a body is sent as it is (Jakarta REST 3.1, §4.4). The parameter is named from the request, as the
 * annotations that name it sit on the contract's interface ({@code DsrParticipant}) and are not handed to providers.
 */
@Provider
public class UuidParams implements ParamConverterProvider {
    private final UriInfo request;

    UuidParams(UriInfo request) {
        this.request = request;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<UUID>() {
            @Override
            public UUID fromString(String raw) {
                try {
                    return Params.uuid(nameOf(raw), raw);
                } catch (ProblemException e) {
                    throw new WebApplicationException(e, Response.status(400).type(Problem.MEDIA_TYPE)
                            .entity(e.toProblem()).build());
                }
            }

            @Override
            public String toString(UUID value) {
                return value.toString();
            }
        };
    }

    /** The path or query parameter that has the value, "subjectId" say; the value itself is never echoed. */
    private String nameOf(String raw) {
        return Stream.of(request.getPathParameters(), request.getQueryParameters())
                .flatMap(parameters -> parameters.entrySet().stream())
                .filter(parameter -> parameter.getValue().contains(raw))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("parameter");
    }
}
