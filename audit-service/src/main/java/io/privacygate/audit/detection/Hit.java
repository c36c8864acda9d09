package io.privacygate.audit.detection;

import java.time.Instant;

/** One event a rule counted: where it is in the log, when it happened, and about whom (may be null). */
record Hit(long index, Instant at, String subjectRef) {
    static Hit of(IndexedEvent event) {
        return new Hit(event.index(), event.event().occurredAt(), event.event().subjectRef());
    }
}
