package io.privacygate.ingestion.model;

import io.privacygate.commons.crypto.EncryptedColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One social interaction of a subject, for one purpose. Its content (the fields the purpose allows) is a
 * JSON object encrypted under the subject's data key; {@code categories} names the data categories kept.
 */
@Entity
@Table(name = "interaction")
public class Interaction {
    public static final EncryptedColumn CONTENT = EncryptedColumn.of("interaction", "content_encrypted");

    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(name = "consent_event_id")
    public UUID consentEventId;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String kind;

    /** Comma-separated data categories present in the content. */
    @Column(nullable = false)
    public String categories;

    @Column(name = "content_encrypted", nullable = false)
    public String contentEncrypted;

    /** Stored while the subject's processing was restricted (Art. 18): kept, never used. */
    @Column(nullable = false)
    public boolean restricted;

    @Column(nullable = false)
    public String source;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;

    @Column(name = "retain_until", nullable = false)
    public Instant retainUntil;

    /** Keyed digest of the platform item this is a copy of, by which an edit or removal at the source finds it. */
    @Column(name = "item_key")
    public String itemKey;

    /** The platform's ids of the item, sealed under the inbox key ({@code ItemRefs}): what reconciliation asks the platform about. */
    @Column(name = "item_ref")
    public String itemRef;
}
