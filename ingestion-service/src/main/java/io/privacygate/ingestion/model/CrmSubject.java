package io.privacygate.ingestion.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A person the CRM holds data about, known only by consent-service's pseudonymous subject id. */
@Entity
@Table(name = "crm_subject")
public class CrmSubject {
    @Id
    @Column(name = "subject_id")
    public UUID subjectId;

    /** Art. 18: while set, the subject's data is stored and not used. */
    @Column(nullable = false)
    public boolean restricted;

    @Column(name = "restriction_changed_at")
    public Instant restrictionChangedAt;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;
}
