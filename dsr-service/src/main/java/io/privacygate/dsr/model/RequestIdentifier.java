package io.privacygate.dsr.model;

import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.crypto.EncryptedColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** An identifier the requester gave: found by blind index, stored only encrypted under the request's key. */
@Entity
@Table(name = "dsr_request_identifier")
public class RequestIdentifier {
    public static final EncryptedColumn VALUE = EncryptedColumn.of("dsr_request_identifier", "value_encrypted");

    /** Where an identifier of one type is stored: bound into its ciphertext, so a phone number cannot pass as an e-mail. */
    public static EncryptedColumn value(IdentifierType type) {
        return VALUE.holding(type.name());
    }

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdentifierType type;

    @Column(name = "blind_index", nullable = false)
    public String blindIndex;

    @Column(name = "value_encrypted", nullable = false)
    public String valueEncrypted;
}
