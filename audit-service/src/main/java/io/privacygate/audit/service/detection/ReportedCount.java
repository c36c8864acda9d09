package io.privacygate.audit.service.detection;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Services report refusals and crypto failures as one event per source and interval with the number of
 * occurrences, so that a flood of refusals cannot flood the log: commons' security events ({@code access.denied},
 * {@code crypto.*}) carry {@code count} and {@code interval} and are dated at the interval's end;
 * ingestion-service's {@code webhook.signature-rejected} carries {@code count}, {@code from} and {@code to}.
 * <p>
 * Such a report weighs as its count and covers the time it counts (at most a window). A window places it at the
 * middle of that time: reports made on a schedule are then half an interval away from any window's edge, so a
 * scheduler's jitter of a few milliseconds never decides whether two reports are counted together. An alert goes
 * on while each report starts within a window of the previous one's end, which consecutive reports always do.
 */
final class ReportedCount {
    static final String COUNT = "count";
    static final String INTERVAL = "interval";
    static final String FROM = "from";
    static final String TO = "to";

    private ReportedCount() {
    }

    /** The hit of a report (an event without a count, or with one that is not a positive number, weighs 1). */
    static Hit hit(IndexedEvent event, Duration window) {
        Map<String, String> details = event.event().details();
        Instant end = event.event().occurredAt();
        Duration span = spanOf(details);
        if (span.compareTo(window) > 0) {
            span = window;
        }
        return new Hit(event.index(), end.minus(span), end, event.event().subjectRef(), weightOf(details));
    }

    static long weightOf(Map<String, String> details) {
        String count = details == null ? null : details.get(COUNT);
        if (count == null) {
            return 1;
        }
        try {
            return Math.max(1, Long.parseLong(count));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** How long the count was taken over; zero when the event does not say (it then stands at its own time). */
    private static Duration spanOf(Map<String, String> details) {
        if (details == null) {
            return Duration.ZERO;
        }
        try {
            if (details.get(INTERVAL) != null) {
                return positive(Duration.parse(details.get(INTERVAL)));
            }
            if (details.get(FROM) != null && details.get(TO) != null) {
                return positive(Duration.between(Instant.parse(details.get(FROM)), Instant.parse(details.get(TO))));
            }
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
        return Duration.ZERO;
    }

    private static Duration positive(Duration span) {
        return span.isNegative() ? Duration.ZERO : span;
    }
}
