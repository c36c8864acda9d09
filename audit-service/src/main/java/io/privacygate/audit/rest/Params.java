package io.privacygate.audit.rest;

import io.privacygate.commons.problem.ProblemException;

import java.util.Arrays;
import java.util.UUID;

/**
 * Parses path and query parameters as the API documents them, so that a malformed one is a problem+json
 * 400 naming it (JAX-RS would answer a bare 404 for a parameter it cannot convert).
 */
final class Params {
    private Params() {
    }

    static long requiredLong(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidField(name, "is required");
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number");
        }
    }

    static Integer optionalInt(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number");
        }
    }

    static <E extends Enum<E>> E optionalEnum(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static boolean optionalBoolean(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(name, "must be true or false");
        };
    }

    static UUID uuid(String name, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField(name, "must be a UUID");
        }
    }
}
