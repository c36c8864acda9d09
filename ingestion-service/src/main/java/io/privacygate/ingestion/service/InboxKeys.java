package io.privacygate.ingestion.service;

import io.privacygate.commons.crypto.AesGcm;
import io.privacygate.commons.crypto.KeyProvider;
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
    private final KeyProvider provider;
    private final ManagedKeyStore store;
    private volatile InboxCipher cipher;

    InboxKeys(KeyProvider provider, ManagedKeyStore store) {
        this.provider = provider;
        this.store = store;
    }

    public Uni<InboxCipher> cipher() {
        InboxCipher loaded = cipher;
        if (loaded != null) {
            return Uni.createFrom().item(loaded);
        }
        return store.getOrCreate(KEY_NAME, () -> provider.wrap(WrappingKey.SUBJECT_KEK, AesGcm.newKey())
                        .map(wrapped -> new ManagedKeyStore.StoredKey(wrapped, null)))
                .chain(stored -> provider.unwrap(WrappingKey.SUBJECT_KEK, stored.wrappedKey()))
                .map(key -> cipher = new InboxCipher(key));
    }
}
