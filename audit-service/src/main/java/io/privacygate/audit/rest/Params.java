package io.privacygate.audit.rest;

import io.privacygate.commons.problem.ProblemException;

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

    static UUID uuid(String name, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField(name, "must be a UUID");
        }
    }
}
