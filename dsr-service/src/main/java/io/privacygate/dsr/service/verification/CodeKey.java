package io.privacygate.dsr.service.verification;

import io.privacygate.commons.crypto.KeyProvider;
import io.privacygate.commons.crypto.ManagedKey;
import io.privacygate.commons.crypto.ManagedKeyStore;
import io.privacygate.commons.crypto.WrappingKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HMAC key of dsr-service's one-time codes ({@code OneTimeCodes}): a stored code table is of no use without it.
 * Like the blind-index key it only keys HMACs, so the blind-index KEK wraps it.
 */
@ApplicationScoped
public class CodeKey {
    static final String NAME = "dsr-verification-code";
    private final ManagedKey<byte[]> key;

    CodeKey(KeyProvider provider, ManagedKeyStore store) {
        this.key = ManagedKey.secret(NAME, WrappingKey.BLIND_INDEX, provider, store, secret -> secret);
    }

    public Uni<byte[]> get() {
        return key.get();
    }
}
