package io.privacygate.dsr.model;

import io.privacygate.commons.crypto.EncryptedColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A data subject request. Free text (details, evidence, reasons) and the corrected values of a
 * rectification are encrypted under the request's own data key, kept in {@code subject_key} under the
 * request id: the request record is kept as evidence (Art. 5(2)) even after the subject is erased.
 */
@Entity
@Table(name = "dsr_request")
public class DsrRequest {
    public static final EncryptedColumn DETAILS = column("details_encrypted");
    public static final EncryptedColumn RECTIFICATION = column("rectification_encrypted");
    public static final EncryptedColumn EXTENSION_REASON = column("extension_reason_encrypted");
    public static final EncryptedColumn VERIFICATION_EVIDENCE = column("verification_evidence_encrypted");
    public static final EncryptedColumn CLOSING_REASON = column("closing_reason_encrypted");
    public static final EncryptedColumn LIFT_REASON = column("lift_reason_encrypted");
    /** Every column above: each holds a ciphertext under the request's own data key. */
    public static final List<EncryptedColumn> ENCRYPTED = List.of(DETAILS, RECTIFICATION, EXTENSION_REASON,
            VERIFICATION_EVIDENCE, CLOSING_REASON, LIFT_REASON);

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    public String channel;

    @Column(name = "details_encrypted")
    public String detailsEncrypted;

    @Column(name = "rectification_encrypted")
    public String rectificationEncrypted;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_resolution", nullable = false)
    public SubjectResolution subjectResolution;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "original_due_at", nullable = false)
    public Instant originalDueAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /**
     * The deadline of the platform whose signal opened the request (X's compliance events: 24 hours), beside the
     * Art. 12(3) one; null when the request's channel has none ({@code privacy-gate.dsr.platform-deadlines}).
     */
    @Column(name = "platform_due_at")
    public Instant platformDueAt;

    /** The nearer of {@code dueAt} and {@code platformDueAt}, computed by the database; what the queue sorts by. */
    @Column(name = "next_due_at", insertable = false, updatable = false)
    public Instant nextDueAt;

    @Column(name = "platform_near_notified_at")
    public Instant platformNearNotifiedAt;

    @Column(name = "platform_missed_notified_at")
    public Instant platformMissedNotifiedAt;

    @Column(nullable = false)
    public boolean extended;

    @Column(name = "extension_reason_encrypted")
    public String extensionReasonEncrypted;

    @Column(name = "extended_at")
    public Instant extendedAt;

    @Column(name = "extended_by")
    public String extendedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_method")
    public VerificationMethod verificationMethod;

    @Column(name = "verification_evidence_encrypted")
    public String verificationEvidenceEncrypted;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "verified_by")
    public String verifiedBy;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "closing_reason_encrypted")
    public String closingReasonEncrypted;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    /** Art. 18(3): why the restriction is to be lifted, as the requester was told before it was. */
    @Column(name = "lift_reason_encrypted")
    public String liftReasonEncrypted;

    @Column(name = "lift_announced_at")
    public Instant liftAnnouncedAt;

    @Column(name = "lift_announced_by")
    public String liftAnnouncedBy;

    @Column(name = "lifted_at")
    public Instant liftedAt;

    @Column(name = "lifted_by")
    public String liftedBy;

    /** When the last participant lifted the restriction. */
    @Column(name = "lift_completed_at")
    public Instant liftCompletedAt;

    @Column(name = "overdue_notified_at")
    public Instant overdueNotifiedAt;

    /** The caller's Idempotency-Key of the filing, unique per caller. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "verification_idempotency_key")
    public String verificationIdempotencyKey;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public boolean overdueAt(Instant now) {
        return status.isOpen() && now.isAfter(dueAt);
    }

    /** Open and past the platform's own deadline. */
    public boolean platformDeadlineMissedAt(Instant now) {
        return status.isOpen() && platformDueAt != null && now.isAfter(platformDueAt);
    }

    private static EncryptedColumn column(String name) {
        return EncryptedColumn.of("dsr_request", name);
    }
}
