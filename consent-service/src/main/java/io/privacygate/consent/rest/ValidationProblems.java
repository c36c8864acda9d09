package io.privacygate.consent.rest;

import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/**
 * Names invalid fields inside lists the way clients write them ({@code queries[1].channel}). Bean
 * Validation reports a list index on the node after the list, and the shared commons mapper appends it
 * there ({@code queries.channel[1]}); this mapper takes precedence until that is corrected in commons.
 * The answer is otherwise the same problem+json: field names and messages, never values.
 */
public class ValidationProblems {

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Response.status(ProblemType.VALIDATION.status()).type(Problem.MEDIA_TYPE)
                .entity(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), ProblemType.VALIDATION.status(),
                        "The request has invalid fields.", errors))
                .build();
    }

    /** {@code decideAll.request.queries[1].channel} becomes {@code queries[1].channel}. */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                name.append('[').append(node.getKey()).append(']');
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN && node.getName() != null) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        if (name.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return name.toString();
    }
}
