package io.privacygate.dsr.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The one-time code e-mailed to a requester, stored only as a keyed hash (HMAC-SHA256, {@code OneTimeCodes}), with its expiry and attempts. */
@Entity
@Table(name = "dsr_verification_code")
public class VerificationCode {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(nullable = false)
    public String salt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;
}
