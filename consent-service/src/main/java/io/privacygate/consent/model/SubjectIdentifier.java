package io.privacygate.consent.model;

import io.privacygate.commons.crypto.EncryptedColumn;
import io.privacygate.commons.identity.IdentifierType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One identifier of a subject: found by its blind index, stored only encrypted under the subject's data
 * key (DESIGN §3), so that shredding the key makes it unreadable everywhere.
 */
@Entity
@Table(name = "subject_identifier")
public class SubjectIdentifier {
    public static final EncryptedColumn VALUE = EncryptedColumn.of("subject_identifier", "value_encrypted");

    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdentifierType type;

    @Column(name = "blind_index", nullable = false, unique = true)
    public String blindIndex;

    @Column(name = "value_encrypted", nullable = false)
    public String valueEncrypted;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Where an identifier of one type is stored: bound into its ciphertext, so a phone number cannot pass as an e-mail. */
    public static EncryptedColumn value(IdentifierType type) {
        return VALUE.holding(type.name());
    }

    public static SubjectIdentifier of(UUID subjectId, IdentifierType type, String blindIndex, String valueEncrypted,
                                       Instant now) {
        SubjectIdentifier identifier = new SubjectIdentifier();
        identifier.id = UUID.randomUUID();
        identifier.subjectId = subjectId;
        identifier.type = type;
        identifier.blindIndex = blindIndex;
        identifier.valueEncrypted = valueEncrypted;
        identifier.createdAt = now;
        return identifier;
    }
}
