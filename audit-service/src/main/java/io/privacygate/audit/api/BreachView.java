package io.privacygate.audit.api;

import io.privacygate.audit.model.Breach;
import io.privacygate.audit.model.Exemption;
import io.privacygate.audit.model.NotificationClock;
import io.privacygate.audit.model.Risk;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** A register entry with its clock as of {@code now}: the deadline, the time left, and whether it is overdue. */
public record BreachView(UUID id, UUID alertId, String nature, List<String> dataCategories, List<String> subjectCategories,
                  long approxSubjects, long approxRecords, String consequences, String measures, Risk risk,
                  Instant occurredAt, Instant awareAt, Instant recordedAt, String recordedBy, Instant updatedAt,
                  AuthorityView authorityNotification, SubjectsView subjectNotification) {

    /**
     * Art. 33(1). {@code timeLeft} (ISO-8601, negative once past) and {@code secondsLeft} only while a
     * notification is pending; {@code late} only once one is recorded.
     */
    public record AuthorityView(boolean required, Instant deadline, String timeLeft, Long secondsLeft, boolean overdue,
                         Instant notifiedAt, Boolean late, String authority, String reference, String lateReasons) {
    }

    /** Art. 34: {@code pending} while a high-risk breach has neither a communication nor an exemption recorded. */
    public record SubjectsView(boolean required, boolean pending, Instant notifiedAt, String method, Exemption exemption,
                        String explanation) {
    }

    public static BreachView of(Breach b, Instant now) {
        Breach.AuthorityNotification a = b.authority();
        Instant notifiedAt = a == null ? null : a.notifiedAt();
        Duration left = NotificationClock.timeLeft(b.risk(), b.awareAt(), notifiedAt, now);
        Duration leftSeconds = left == null ? null : left.truncatedTo(ChronoUnit.SECONDS);
        AuthorityView authority = new AuthorityView(NotificationClock.authorityMustBeNotified(b.risk()),
                NotificationClock.deadline(b.awareAt()), leftSeconds == null ? null : leftSeconds.toString(),
                leftSeconds == null ? null : leftSeconds.toSeconds(),
                NotificationClock.overdue(b.risk(), b.awareAt(), notifiedAt, now), notifiedAt,
                a == null ? null : NotificationClock.late(b.awareAt(), notifiedAt),
                a == null ? null : a.authority(), a == null ? null : a.reference(), a == null ? null : a.lateReasons());
        Breach.SubjectNotification s = b.subjects();
        boolean required = NotificationClock.subjectsMustBeNotified(b.risk());
        SubjectsView subjects = new SubjectsView(required, required && s == null, s == null ? null : s.notifiedAt(),
                s == null ? null : s.method(), s == null ? null : s.exemption(), s == null ? null : s.explanation());
        return new BreachView(b.id(), b.alertId(), b.nature(), b.dataCategories(), b.subjectCategories(), b.approxSubjects(),
                b.approxRecords(), b.consequences(), b.measures(), b.risk(), b.occurredAt(), b.awareAt(), b.recordedAt(),
                b.recordedBy(), b.updatedAt(), authority, subjects);
    }

    /** The register as handed to the authority. */
    public record Register(Instant generatedAt, int count, List<BreachView> breaches) {
    }
}
