package io.privacygate.dsr.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void doublesWithEachAttemptWithinTwentyPercentAndStopsAtTheCap() {
        Duration initial = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(5);
        assertThat(TaskRecorder.backoff(1, initial, max)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        assertThat(TaskRecorder.backoff(4, initial, max)).isBetween(Duration.ofMillis(6400), Duration.ofMillis(9600));
        assertThat(TaskRecorder.backoff(40, initial, max)).isBetween(Duration.ofSeconds(240), Duration.ofSeconds(360));
    }
}
