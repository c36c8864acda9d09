package io.privacygate.consent.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL keeps microseconds. Instants are cut to them before they are stored, so that an answer and
 * a later read of the same row agree, and a receipt signed now matches one signed from the row later.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return of(Instant.now());
    }

    public static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
