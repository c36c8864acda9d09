package io.privacygate.ingestion.service.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Locale;

/**
 * A purpose's retention, an ISO-8601 duration such as {@code P2Y} or {@code P30DT12H}: calendar parts
 * (years, months, weeks, days) are added in UTC, then the time part.
 */
public final class RetentionPeriod {
    private RetentionPeriod() {
    }

    /** When data collected at {@code from} must be gone; empty when the retention cannot be read. */
    public static Optional<Instant> until(Instant from, String iso) {
        if (iso == null || iso.isBlank()) {
            return Optional.empty();
        }
        String text = iso.trim().toUpperCase(Locale.ROOT);
        int time = text.indexOf('T');
        try {
            String datePart = time < 0 ? text : text.substring(0, time);
            Instant end = from;
            if (!"P".equals(datePart)) {
                end = from.atOffset(ZoneOffset.UTC).plus(Period.parse(datePart)).toInstant();
            }
            if (time >= 0) {
                end = end.plus(Duration.parse("P" + text.substring(time)));
            }
            return "P".equals(text) ? Optional.empty() : Optional.of(end);
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
