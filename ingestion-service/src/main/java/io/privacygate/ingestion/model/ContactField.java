package io.privacygate.ingestion.model;

import io.privacygate.commons.crypto.EncryptedColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One contact detail of a subject, as collected for one purpose, encrypted under the subject's data key. */
@Entity
@Table(name = "contact_field")
@IdClass(ContactField.Key.class)
public class ContactField {
    public static final EncryptedColumn VALUE = EncryptedColumn.of("contact_field", "value_encrypted");

    /** Where a field of one kind is stored: bound into its ciphertext, so a phone number cannot pass as an e-mail. */
    public static EncryptedColumn value(String field) {
        return VALUE.holding(field);
    }

    @Id
    @Column(name = "subject_id")
    public UUID subjectId;

    @Id
    public String purpose;

    /** NAME, HANDLE, EMAIL or PHONE. */
    @Id
    public String field;

    @Column(name = "value_encrypted", nullable = false)
    public String valueEncrypted;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(name = "consent_event_id")
    public UUID consentEventId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "retain_until", nullable = false)
    public Instant retainUntil;

    public record Key(UUID subjectId, String purpose, String field) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
