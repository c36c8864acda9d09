package io.privacygate.ingestion.service.inbox;

import io.privacygate.commons.crypto.KeyProvider;
import io.privacygate.commons.crypto.ManagedKey;
import io.privacygate.commons.crypto.ManagedKeyStore;
import io.privacygate.commons.crypto.WrappingKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Holds the inbox key: created once, stored wrapped in {@code managed_key}, unwrapped on first use and kept
 * in memory, so acknowledging a delivery costs no key-provider call. While it cannot be had, deliveries
 * are refused with 503 (the platforms retry) rather than stored in plaintext.
 * <p>
 * It is wrapped under the subject KEK: commons has no KEK for service data keys, and this one protects
 * the same personal data before it is tied to a subject.
 */
@ApplicationScoped
public class InboxKeys {
    static final String KEY_NAME = "ingestion-inbox";
    private final ManagedKey<InboxCipher> key;

    InboxKeys(KeyProvider provider, ManagedKeyStore store) {
        this.key = ManagedKey.secret(KEY_NAME, WrappingKey.SUBJECT_KEK, provider, store, InboxCipher::new);
    }

    public Uni<InboxCipher> cipher() {
        return key.get();
    }
}
