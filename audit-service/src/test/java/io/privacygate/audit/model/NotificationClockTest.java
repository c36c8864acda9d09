package io.privacygate.audit.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationClockTest {
    private static final Instant AWARE = Instant.parse("2026-11-27T09:30:00Z");

    @Test
    void theDeadlineIsSeventyTwoHoursAfterAwareness() {
        assertThat(NotificationClock.deadline(AWARE)).isEqualTo(Instant.parse("2026-11-30T09:30:00Z"));
    }

    @Test
    void timeLeftCountsDownAndGoesNegativeOncePast() {
        assertThat(NotificationClock.timeLeft(Risk.RISK, AWARE, null, AWARE.plus(Duration.ofHours(10))))
                .isEqualTo(Duration.ofHours(62));
        assertThat(NotificationClock.timeLeft(Risk.HIGH, AWARE, null, AWARE.plus(Duration.ofHours(75))))
                .isEqualTo(Duration.ofHours(-3));
    }

    @Test
    void isOverdueOnlyPastTheDeadlineAndWhileNotNotified() {
        Instant deadline = NotificationClock.deadline(AWARE);
        assertThat(NotificationClock.overdue(Risk.RISK, AWARE, null, deadline)).isFalse();
        assertThat(NotificationClock.overdue(Risk.RISK, AWARE, null, deadline.plusMillis(1))).isTrue();
        assertThat(NotificationClock.overdue(Risk.HIGH, AWARE, deadline.plusSeconds(5), deadline.plusSeconds(60))).isFalse();
    }

    @Test
    void aBreachUnlikelyToResultInARiskHasNoClock() {
        Instant muchLater = AWARE.plus(Duration.ofDays(30));
        assertThat(NotificationClock.authorityMustBeNotified(Risk.UNLIKELY)).isFalse();
        assertThat(NotificationClock.overdue(Risk.UNLIKELY, AWARE, null, muchLater)).isFalse();
        assertThat(NotificationClock.timeLeft(Risk.UNLIKELY, AWARE, null, muchLater)).isNull();
    }

    @Test
    void noTimeIsLeftToCountOnceNotified() {
        assertThat(NotificationClock.timeLeft(Risk.RISK, AWARE, AWARE.plusSeconds(3600), AWARE.plusSeconds(7200))).isNull();
    }

    @Test
    void aNotificationAtTheDeadlineIsInTimeAndAfterItIsLateAndNeedsReasons() {
        Instant deadline = NotificationClock.deadline(AWARE);
        assertThat(NotificationClock.late(AWARE, deadline)).isFalse();
        assertThat(NotificationClock.lateReasonsRequired(AWARE, deadline)).isFalse();
        assertThat(NotificationClock.late(AWARE, deadline.plusSeconds(1))).isTrue();
        assertThat(NotificationClock.lateReasonsRequired(AWARE, deadline.plusSeconds(1))).isTrue();
    }

    @Test
    void onlyAHighRiskObligesTellingTheSubjects() {
        assertThat(NotificationClock.subjectsMustBeNotified(Risk.HIGH)).isTrue();
        assertThat(NotificationClock.subjectsMustBeNotified(Risk.RISK)).isFalse();
        assertThat(NotificationClock.subjectsMustBeNotified(Risk.UNLIKELY)).isFalse();
    }

    @Test
    void theOverdueCutoffAgreesWithOverdue() {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        Instant cutoff = NotificationClock.overdueIfAwareBefore(now);
        assertThat(NotificationClock.overdue(Risk.RISK, cutoff.minusMillis(1), null, now)).isTrue();
        assertThat(NotificationClock.overdue(Risk.RISK, cutoff, null, now)).isFalse();
    }
}
