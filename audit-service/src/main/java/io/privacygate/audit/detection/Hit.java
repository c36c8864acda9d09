package io.privacygate.audit.detection;

import java.time.Instant;
import java.util.Map;

/**
 * One event a rule counted: where it is in the log, when it happened, about whom (may be null), and how many
 * occurrences it stands for. Services report refusals and crypto failures as one event per source and
 * interval with a {@code count} detail, so that a flood of refusals does not flood the log.
 */
record Hit(long index, Instant at, String subjectRef, long weight) {
    static final String COUNT = "count";

    static Hit of(IndexedEvent event) {
        return new Hit(event.index(), event.event().occurredAt(), event.event().subjectRef(), weightOf(event.event().details()));
    }

    /** The reported count, or 1 for an event that stands for itself (no count, or one that is not a positive number). */
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
}
