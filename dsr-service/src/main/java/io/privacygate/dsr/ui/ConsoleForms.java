package io.privacygate.dsr.ui;

import io.privacygate.commons.identity.IdentifierType;

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
}
