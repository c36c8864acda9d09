package io.privacygate.consent.model;

import io.privacygate.commons.crypto.EncryptedColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

import java.time.Instant;
import java.util.UUID;

/**
 * One consent event, never changed (the table refuses updates and deletes). The proof of consent
 * (Art. 7(1)): what was shown (notice version and hash), when, how and through which form. The IP
 * address is kept only as a keyed pseudonym and the user agent only encrypted under the subject's key.
 */
@Entity
@Table(name = "consent_event")
public class ConsentEvent {
    public static final EncryptedColumn USER_AGENT = EncryptedColumn.of("consent_event", "user_agent_encrypted");

    @Id
    public UUID id;

    /** Total order of recording, to break ties between events captured at the same instant. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "receipt_id", nullable = false, unique = true)
    public UUID receiptId;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(name = "purpose_key", nullable = false)
    public String purposeKey;

    @Column(name = "purpose_version", nullable = false)
    public int purposeVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentState state;

    @Column(name = "notice_version", nullable = false)
    public String noticeVersion;

    /** The hash of the registered notice text shown ({@code NoticeHash}), null when none was stated. */
    @Column(name = "notice_hash")
    public String noticeHash;

    /** The language of that text. */
    @Column(name = "notice_language")
    public String noticeLanguage;

    @Column(name = "collection_method", nullable = false)
    public String collectionMethod;

    public String source;

    @Column(name = "form_id")
    public String formId;

    @Column(name = "ip_pseudonym")
    public String ipPseudonym;

    @Column(name = "user_agent_encrypted")
    public String userAgentEncrypted;

    /** The receipt as signed when the event was recorded (null for events recorded before #19). */
    @Column(name = "receipt_jws")
    public String receiptJws;

    /** When the subject expressed it; the current state follows this order. */
    @Column(name = "captured_at", nullable = false)
    public Instant capturedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Pseudonymous actor id of the recording client or person. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** A digest of the submission, to recognise a duplicate. */
    public String fingerprint;

    /** Set when the subject was erased and the identifying evidence removed. */
    @Column(name = "erased_at")
    public Instant erasedAt;
}
