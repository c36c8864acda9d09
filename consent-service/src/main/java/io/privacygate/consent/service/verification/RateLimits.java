package io.privacygate.consent.service.verification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Fixed windows: the start of the window an instant falls in, counted from the epoch; and days, in UTC. */
public final class RateLimits {

    private RateLimits() {
    }

    public static Instant windowStart(Instant now, Duration window) {
        long size = window.toMillis();
        long millis = now.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, size));
    }

    /** The day an instant falls in, in UTC: a lock for "the rest of the day" ends at midnight UTC, on every replica. */
    public static LocalDate utcDay(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
