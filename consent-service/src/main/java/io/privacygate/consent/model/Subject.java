package io.privacygate.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A data subject, known here only by a pseudonymous id; its identifiers are {@link SubjectIdentifier}s. */
@Entity
@Table(name = "subject")
public class Subject {
    @Id
    public UUID id;

    /** Art. 18: while set, no processing beyond storage is permitted. */
    @Column(nullable = false)
    public boolean restricted;

    @Column(name = "restriction_changed_at")
    public Instant restrictionChangedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * Set while nothing gives a basis to keep the person (issue #20, point 1): purged at this instant unless a consent,
     * a data subject request or a permitted decision confirms them first. Null once confirmed.
     */
    @Column(name = "pending_until")
    public Instant pendingUntil;

    /** A subject confirmed from the start (a consent names it). */
    public static Subject create(UUID id, Instant now) {
        return pending(id, now, null);
    }

    /** A subject kept only until {@code pendingUntil} unless confirmed; null creates it confirmed. */
    public static Subject pending(UUID id, Instant now, Instant pendingUntil) {
        Subject subject = new Subject();
        subject.id = id;
        subject.createdAt = now;
        subject.pendingUntil = pendingUntil;
        return subject;
    }
}
