package io.privacygate.dsr.ui;

import io.privacygate.commons.identity.IdentifierType;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Form and query values as the console reads them: lenient where a page only filters (an unknown value means no
 * filter), never echoing what was typed in an error.
 */
final class ConsoleForms {
    static final List<String> IDENTIFIER_TYPES = Arrays.stream(IdentifierType.values()).map(IdentifierType::wireName).toList();

    private ConsoleForms() {
    }

    static <E extends Enum<E>> E choice(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E parse(String value, Class<E> type, String label, List<String> errors) {
        E parsed = choice(value, type);
        if (parsed == null) {
            errors.add(label + ": choose one of " + Arrays.toString(type.getEnumConstants()) + ".");
        }
        return parsed;
    }

    static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A time entered in a form (an HTML datetime-local value, or ISO-8601 with an offset), read as UTC as every time
     * in the console; blank is null. A value that is no time adds an error naming the field, not the value.
     */
    static Instant utc(String value, String label, List<String> errors) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        try {
            return given.endsWith("Z") || given.matches(".*[+-]\\d\\d:\\d\\d$") ? OffsetDateTime.parse(given).toInstant()
                    : LocalDateTime.parse(given).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.add(label + ": a date and time (UTC), e.g. 2026-05-01T14:30.");
            return null;
        }
    }

    /** A number of people or records, 0 or more; blank is null. */
    static Long count(String value, String label, List<String> errors) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        Long parsed = given.matches("\\d{1,18}") ? Long.valueOf(given) : null;
        if (parsed == null) {
            errors.add(label + ": a whole number, 0 or more.");
        }
        return parsed;
    }

    /** A comma-separated list as entered. */
    static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
