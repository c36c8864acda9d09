package io.privacygate.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time code e-mailed by the privacy center: kept only as an HMAC of its salt and digits, beside the blind
 * index of the address it was sent to. It expires, allows a few attempts, and is deleted once used.
 */
@Entity
@Table(name = "privacy_code")
public class PrivacyCode {
    @Id
    public UUID id;

    @Column(name = "address_index", nullable = false)
    public String addressIndex;

    @Column(nullable = false)
    public String salt;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
