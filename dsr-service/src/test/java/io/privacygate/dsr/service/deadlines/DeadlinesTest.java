package io.privacygate.dsr.service.deadlines;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlinesTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Nested
    class FirstDeadline {
        @ParameterizedTest(name = "received {0} → due end of {1}")
        @CsvSource({
                "2026-01-15T10:00:00Z, 2026-02-15T23:59:59Z",
                "2026-01-31T08:00:00Z, 2026-02-28T23:59:59Z",
                "2028-01-31T08:00:00Z, 2028-02-29T23:59:59Z",
                "2026-01-30T08:00:00Z, 2026-02-28T23:59:59Z",
                "2028-01-29T08:00:00Z, 2028-02-29T23:59:59Z",
                "2026-03-31T08:00:00Z, 2026-04-30T23:59:59Z",
                "2026-05-31T08:00:00Z, 2026-06-30T23:59:59Z",
                "2026-08-31T08:00:00Z, 2026-09-30T23:59:59Z",
                "2026-12-31T23:00:00Z, 2027-01-31T23:59:59Z",
                "2028-02-29T12:00:00Z, 2028-03-29T23:59:59Z",
                "2026-02-28T12:00:00Z, 2026-03-28T23:59:59Z"
        })
        void isOneCalendarMonthWithTheMissingDayFallingBackToTheMonthsEnd(String received, String due) {
            assertThat(Deadlines.dueAt(Instant.parse(received), UTC)).isEqualTo(Instant.parse(due));
        }

        @Test
        void countsTheDayInTheConfiguredZone() {
            // 23:30 UTC on 31 January is already 1 February in Berlin: due 1 March there, not 28 February.
            Instant received = Instant.parse("2026-01-31T23:30:00Z");
            assertThat(Deadlines.dueAt(received, UTC)).isEqualTo(Instant.parse("2026-02-28T23:59:59Z"));
            assertThat(Deadlines.dueAt(received, ZoneId.of("Europe/Berlin")))
                    .isEqualTo(Instant.parse("2026-03-01T22:59:59Z"));
        }

        @Test
        void endsAtTheLastSecondOfTheDayAcrossADaylightSavingChange() {
            // Received 29 March 2026 in Berlin (summer time from 02:00 that day): due 29 April, 23:59:59 CEST.
            assertThat(Deadlines.dueAt(Instant.parse("2026-03-29T10:00:00Z"), ZoneId.of("Europe/Berlin")))
                    .isEqualTo(Instant.parse("2026-04-29T21:59:59Z"));
        }
    }

    @Nested
    class Extension {
        @ParameterizedTest(name = "received {0}, extended {1} months → due end of {2}")
        @CsvSource({
                "2026-01-15T10:00:00Z, 2, 2026-04-15T23:59:59Z",
                "2026-01-15T10:00:00Z, 1, 2026-03-15T23:59:59Z",
                "2026-01-31T10:00:00Z, 2, 2026-04-30T23:59:59Z",
                "2026-01-31T10:00:00Z, 1, 2026-03-31T23:59:59Z",
                "2027-11-30T10:00:00Z, 2, 2028-02-29T23:59:59Z",
                "2026-11-30T10:00:00Z, 2, 2027-02-28T23:59:59Z",
                "2026-12-31T10:00:00Z, 2, 2027-03-31T23:59:59Z"
        })
        void countsThreeMonthsInAllFromReceipt(String received, int months, String due) {
            assertThat(Deadlines.extendedDueAt(Instant.parse(received), months, UTC)).isEqualTo(Instant.parse(due));
        }

        @Test
        void isOneOrTwoMonthsOnly() {
            Instant received = Instant.parse("2026-01-15T10:00:00Z");
            assertThatThrownBy(() -> Deadlines.extendedDueAt(received, 3, UTC)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Deadlines.extendedDueAt(received, 0, UTC)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
