package io.privacygate.commons.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The suite's one retry schedule: the delay before the next attempt after {@code attempts} failed ones. */
public final class Backoff {
    private Backoff() {
    }

    /**
     * Doubles from {@code initial} up to {@code max}, with ±20% jitter so that replicas retrying a recovered peer do
     * not stampede it.
     */
    public static Duration exponential(int attempts, Duration initial, Duration max) {
        long base = initial.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, max.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
