package io.privacygate.commons.crypto;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HMAC keys that only make pseudonyms (of IP addresses, for instance), one per use, each created on first use.
 * Like the blind-index key they are kept wrapped by the blind-index KEK, so every replica of a service makes
 * the same pseudonym for the same value.
 */
@ApplicationScoped
public class PseudonymKeys {
    private final KeyProvider provider;
    private final ManagedKeyStore store;
    private final Map<String, ManagedKey<byte[]>> keys = new ConcurrentHashMap<>();

    PseudonymKeys(KeyProvider provider, ManagedKeyStore store) {
        this.provider = provider;
        this.store = store;
    }

    /** @param name the key's name in the {@code managed_key} table, e.g. {@code consent-ip-pseudonym} */
    public Uni<byte[]> key(String name) {
        return keys.computeIfAbsent(name,
                        n -> ManagedKey.secret(n, WrappingKey.BLIND_INDEX, provider, store, secret -> secret))
                .get();
    }
}
