package io.privacygate.commons.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    @Test
    void doublesWithJitterUpToTheCap() {
        Duration initial = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(5);
        assertThat(Backoff.exponential(1, initial, max)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        assertThat(Backoff.exponential(3, initial, max)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4800));
        assertThat(Backoff.exponential(40, initial, max)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
    }
}
