package io.privacygate.ingestion.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An erasure a platform asked for, on its way to dsr-service: a Meta data deletion callback, or an X user compliance
 * signal. The person's platform id is kept encrypted, and only until dsr-service holds the erasure request.
 */
@Entity
@Table(name = "deletion_request")
public class DeletionRequest {
    @Id
    @Column(name = "confirmation_code")
    public String confirmationCode;

    /** An HMAC of the signed request: Meta calling again with the same request gets the same code. */
    @Column(nullable = false)
    public String digest;

    @Column(name = "user_id_encrypted")
    public byte[] userIdEncrypted;

    @Column(nullable = false)
    public String status;

    @Column(name = "dsr_request_id")
    public UUID dsrRequestId;

    @Column(name = "dsr_status")
    public String dsrStatus;

    /** dsr-service's outcome code once closed ({@code REFUSED}, {@code CLOSED_UNVERIFIED}, …): what a refusal's explanation is built from. */
    @Column(name = "dsr_outcome")
    public String dsrOutcome;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(nullable = false)
    public int attempts;

    /** The platform signal, as dsr-service's {@code channel}: {@link #META_DATA_DELETION} or {@link #X_COMPLIANCE}. */
    @Column(nullable = false)
    public String channel = META_DATA_DELETION;

    /** Meta's data deletion callback (the user removed the app, or asked Meta for their data to be deleted). */
    public static final String META_DATA_DELETION = "meta-data-deletion";
    /** X told that an account is deleted, deactivated or suspended (a user compliance job's result). */
    public static final String X_COMPLIANCE = "x-compliance";

    /** Received here; opened in dsr-service; verified there (nothing is fanned out before that). */
    public enum Status { RECEIVED, OPENED, VERIFIED }
}
