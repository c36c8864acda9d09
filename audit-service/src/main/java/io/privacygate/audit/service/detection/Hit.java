package io.privacygate.audit.service.detection;

import java.time.Duration;
import java.time.Instant;

/**
 * One event a rule counted: where it is in the log, the time it covers ({@code from} = {@code to} for an event
 * that stands for itself, an interval for a service's report of a count, see {@link ReportedCount}), about whom
 * (may be null), and how many occurrences it stands for.
 */
record Hit(long index, Instant from, Instant to, String subjectRef, long weight) {

    /** An event that stands for itself, at the time it says it happened. */
    static Hit of(IndexedEvent event) {
        Instant at = event.event().occurredAt();
        return new Hit(event.index(), at, at, event.event().subjectRef(), 1);
    }

    /** Where a window places the hit: the middle of the time it covers. */
    Instant at() {
        return from.plus(Duration.between(from, to).dividedBy(2));
    }
}
