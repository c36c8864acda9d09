package io.privacygate.commons.problem;

import java.util.List;

/**
 * A failure that the API reports as problem+json. The detail is written for the client and must not
 * contain personal data: name the field or the resource, never its value.
 */
public class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), null);
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "The request has an invalid field.",
                List.of(new Problem.FieldError(field, message)), null);
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), errors);
    }
}
