package io.privacygate.ingestion.service.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where one inbox round's time went, phase by phase, for the debug log that profiles the worker under load
 * ({@code quarkus.log.category."io.privacygate.ingestion.service.inbox.InboxProcessor".level=DEBUG}). Each mark
 * closes the phase that started at the previous one. Counts and durations only, never data.
 */
final class RoundTimings {
    private final long started = System.nanoTime();
    private long last = started;
    private final Map<String, Long> phases = new LinkedHashMap<>();

    /** Ends the phase running since the previous mark. */
    synchronized void mark(String phase) {
        long now = System.nanoTime();
        phases.merge(phase, now - last, Long::sum);
        last = now;
    }

    long totalMillis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public synchronized String toString() {
        StringJoiner joined = new StringJoiner(", ");
        phases.forEach((phase, nanos) -> joined.add(phase + " " + nanos / 1_000_000));
        return joined + " ms";
    }
}
