package io.privacygate.ingestion.service.inbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionPeriodTest {
    private static final Instant FROM = Instant.parse("2024-01-31T10:00:00Z");

    @Test
    void calendarPartsAreAddedInUtc() {
        assertThat(RetentionPeriod.until(FROM, "P2Y")).contains(Instant.parse("2026-01-31T10:00:00Z"));
        assertThat(RetentionPeriod.until(FROM, "P1M")).contains(Instant.parse("2024-02-29T10:00:00Z"));
        assertThat(RetentionPeriod.until(FROM, "P2W")).contains(Instant.parse("2024-02-14T10:00:00Z"));
    }

    @Test
    void timePartsAndMixedPeriodsWork() {
        assertThat(RetentionPeriod.until(FROM, "PT36H")).contains(Instant.parse("2024-02-01T22:00:00Z"));
        assertThat(RetentionPeriod.until(FROM, "P1DT1H")).contains(Instant.parse("2024-02-01T11:00:00Z"));
    }

    @Test
    void unreadableRetentionIsEmpty() {
        assertThat(RetentionPeriod.until(FROM, null)).isEmpty();
        assertThat(RetentionPeriod.until(FROM, "")).isEmpty();
        assertThat(RetentionPeriod.until(FROM, "P")).isEmpty();
        assertThat(RetentionPeriod.until(FROM, "two years")).isEmpty();
    }
}
