package io.privacygate.ingestion.service.webhook;

import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;

import java.util.List;

/**
 * A delivery or import line that is valid JSON but not a shape this service knows (an unknown
 * {@code object} type, a missing array). A 400 that names the field, never its value.
 */
public class UnsupportedPayloadException extends ProblemException {
    public UnsupportedPayloadException(String field, String message) {
        super(ProblemType.VALIDATION, "The payload is not of a supported shape.",
                List.of(new Problem.FieldError(field, message)), null);
    }
}
