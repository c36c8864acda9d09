package io.privacygate.consent.service;

import io.privacygate.commons.crypto.AesGcm;
import io.privacygate.commons.crypto.KeyProvider;
import io.privacygate.commons.crypto.ManagedKeyStore;
import io.privacygate.commons.crypto.WrappingKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HMAC key that pseudonymises IP addresses of consent evidence. Like the blind-index key, it only
 * makes pseudonyms and is kept wrapped by the blind-index KEK.
 */
@ApplicationScoped
public class EvidenceKeys {
    private static final String IP_KEY = "consent-ip-pseudonym";
    private final KeyProvider provider;
    private final ManagedKeyStore store;
    private volatile byte[] ipKey;

    EvidenceKeys(KeyProvider provider, ManagedKeyStore store) {
        this.provider = provider;
        this.store = store;
    }

    public Uni<byte[]> ipKey() {
        byte[] loaded = ipKey;
        if (loaded != null) {
            return Uni.createFrom().item(loaded);
        }
        return store.getOrCreate(IP_KEY, () -> provider.wrap(WrappingKey.BLIND_INDEX, AesGcm.newKey())
                        .map(wrapped -> new ManagedKeyStore.StoredKey(wrapped, null)))
                .chain(stored -> provider.unwrap(WrappingKey.BLIND_INDEX, stored.wrappedKey()))
                .invoke(key -> ipKey = key);
    }
}
