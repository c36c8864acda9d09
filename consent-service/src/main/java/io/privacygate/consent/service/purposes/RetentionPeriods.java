package io.privacygate.consent.service.purposes;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retention periods are ISO-8601 durations ({@code P2Y}, {@code P30D}, {@code PT12H}, {@code P1Y6M}):
 * Art. 30(1)(f) asks for the envisaged time limits, and a machine-readable one lets purges enforce it.
 */
public final class RetentionPeriods {
    private static final Pattern ISO_DURATION = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:[.,]\\d+)?)S)?)?");

    private RetentionPeriods() {
    }

    /** The canonical (upper-case) form of a positive ISO-8601 duration, or empty if it is not one. */
    public static Optional<String> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String candidate = value.trim().toUpperCase(Locale.ROOT);
        Matcher m = ISO_DURATION.matcher(candidate);
        if (!m.matches() || candidate.endsWith("T") || candidate.equals("P")) {
            return Optional.empty();
        }
        boolean positive = false;
        for (int group = 1; group <= m.groupCount(); group++) {
            String part = m.group(group);
            if (part != null && Double.parseDouble(part.replace(',', '.')) > 0) {
                positive = true;
            }
        }
        return positive ? Optional.of(candidate.replace(',', '.')) : Optional.empty();
    }
}
