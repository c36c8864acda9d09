package io.privacygate.dsr.model;

import io.privacygate.commons.crypto.EncryptedColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The Art. 15/20 package of a request: the zip encrypted under a key of its own, which is itself stored
 * encrypted under the request's data key. It is deleted when it expires.
 */
@Entity
@Table(name = "dsr_export")
public class ExportPackage {
    public static final EncryptedColumn CONTENT_KEY = EncryptedColumn.of("dsr_export", "content_key_encrypted");

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "content_encrypted", nullable = false)
    public byte[] contentEncrypted;

    @Column(name = "content_key_encrypted", nullable = false)
    public String contentKeyEncrypted;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
