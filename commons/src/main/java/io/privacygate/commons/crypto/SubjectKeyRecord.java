package io.privacygate.commons.crypto;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A subject's data key, wrapped by the subject KEK. Deleting this row is crypto-shredding. */
@Entity
@Table(name = "subject_key")
public class SubjectKeyRecord {
    @Id
    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "wrapped_dek", nullable = false)
    public String wrappedDek;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
