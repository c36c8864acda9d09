package io.privacygate.consent.service;

import java.time.Duration;
import java.time.Instant;

/** Fixed windows: the start of the window an instant falls in, counted from the epoch. */
public final class RateLimits {

    private RateLimits() {
    }

    public static Instant windowStart(Instant now, Duration window) {
        long size = window.toMillis();
        long millis = now.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, size));
    }
}
