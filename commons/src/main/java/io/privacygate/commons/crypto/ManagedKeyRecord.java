package io.privacygate.commons.crypto;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A key a service holds itself (blind-index key, signing keys), stored only wrapped. */
@Entity
@Table(name = "managed_key")
public class ManagedKeyRecord {
    @Id
    public String name;

    /** The {@link WrappingKey} that wraps it. */
    @Column(name = "kek", nullable = false)
    public String kek;

    @Column(name = "wrapped_key", nullable = false)
    public String wrappedKey;

    @Column(name = "public_key")
    public String publicKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
