package io.privacygate.audit.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An entry of the breach register (Art. 33(5)): the facts (Art. 33(3)(a): nature, categories and approximate
 * numbers of subjects and records), likely consequences (c), measures taken or proposed (d), and what was
 * notified to whom. {@code awareAt} starts the 72-hour clock of Art. 33(1).
 */
public record Breach(UUID id, UUID alertId, String nature, List<String> dataCategories, List<String> subjectCategories,
                     long approxSubjects, long approxRecords, String consequences, String measures, Risk risk,
                     Instant occurredAt, Instant awareAt, Instant recordedAt, String recordedBy, Instant updatedAt,
                     AuthorityNotification authority, SubjectNotification subjects) {

    /** Art. 33(1) and (4): when the supervisory authority was notified, its reference, and why late if late. */
    public record AuthorityNotification(Instant notifiedAt, String authority, String reference, String lateReasons) {
    }

    /** Art. 34: when and how the subjects were told, or under which exemption of Art. 34(3) they were not. */
    public record SubjectNotification(Instant notifiedAt, String method, Exemption exemption, String explanation) {
    }
}
