package io.privacygate.commons.web;

import io.privacygate.commons.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * Path and query parameters parsed as the API documents them, so that a malformed one is a problem+json 400 naming
 * it (JAX-RS would answer a bare 404 for a parameter it cannot convert). Optional ones are null when absent.
 */
public final class Params {
    private Params() {
    }

    public static UUID uuid(String name, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField(name, "must be a UUID");
        }
    }

    public static long requiredLong(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidField(name, "is required");
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number");
        }
    }

    public static Integer optionalInt(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number");
        }
    }

    /** Enum names are matched without regard to case, as people type them in query strings. */
    public static <E extends Enum<E>> E optionalEnum(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Absent means false. */
    public static boolean optionalBoolean(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(name, "must be true or false");
        };
    }

    /** An ISO-8601 instant, or a date meaning the start of that day in the given zone. */
    public static Instant optionalInstant(String name, String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(raw.strip()).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notADate) {
                throw ProblemException.invalidField(name, "must be an ISO-8601 instant or date");
            }
        }
    }
}
