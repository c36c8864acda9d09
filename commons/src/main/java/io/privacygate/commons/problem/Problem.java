package io.privacygate.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable and documented; {@code detail} never carries PII,
 * class names or stack traces.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request body or parameter, named by its path. */
    public record FieldError(String field, String message) {
    }
}
