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

    public static Subject create(UUID id, Instant now) {
        Subject subject = new Subject();
        subject.id = id;
        subject.createdAt = now;
        return subject;
    }
}
