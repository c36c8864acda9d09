package io.privacygate.audit.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The 72-hour rule of Art. 33(1): the authority is notified without undue delay and, where feasible, not later
 * than 72 hours after the controller became aware of the breach; a later notification states the reasons for
 * the delay. A breach unlikely to result in a risk is not notified, so it has no clock. Pure.
 */
public final class NotificationClock {
    public static final Duration AUTHORITY_DEADLINE = Duration.ofHours(72);

    private NotificationClock() {
    }

    public static Instant deadline(Instant awareAt) {
        return awareAt.plus(AUTHORITY_DEADLINE);
    }

    public static boolean authorityMustBeNotified(Risk risk) {
        return risk != Risk.UNLIKELY;
    }

    /** Art. 34(1): only a high risk obliges the controller to tell the subjects. */
    public static boolean subjectsMustBeNotified(Risk risk) {
        return risk == Risk.HIGH;
    }

    /** "Not later than 72 hours": a notification at exactly the deadline is in time. */
    public static boolean late(Instant awareAt, Instant notifiedAt) {
        return notifiedAt.isAfter(deadline(awareAt));
    }

    /** A notification after the deadline must say why it is late (Art. 33(1), second sentence). */
    public static boolean lateReasonsRequired(Instant awareAt, Instant notifiedAt) {
        return late(awareAt, notifiedAt);
    }

    /** Past the deadline with the authority not yet notified, for a breach that must be. */
    public static boolean overdue(Risk risk, Instant awareAt, Instant notifiedAt, Instant now) {
        return authorityMustBeNotified(risk) && notifiedAt == null && now.isAfter(deadline(awareAt));
    }

    /** Time until the deadline, negative once past it; null when no notification is pending. */
    public static Duration timeLeft(Risk risk, Instant awareAt, Instant notifiedAt, Instant now) {
        if (!authorityMustBeNotified(risk) || notifiedAt != null) {
            return null;
        }
        return Duration.between(now, deadline(awareAt));
    }

    /** A breach that must be notified and is not yet is overdue exactly when it became known before this instant. */
    public static Instant overdueIfAwareBefore(Instant now) {
        return now.minus(AUTHORITY_DEADLINE);
    }
}
