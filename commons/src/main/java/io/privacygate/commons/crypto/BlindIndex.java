package io.privacygate.commons.crypto;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierNormalizer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Finds identifiers without storing them: HMAC-SHA256 over {@code type:normalised value} under a
 * dedicated key, which is kept wrapped by the blind-index KEK. The type is part of the input so that
 * the same string as an e-mail and as a platform id never collide.
 */
@ApplicationScoped
public class BlindIndex {
    private static final String KEY_NAME = "blind-index";
    private final KeyProvider provider;
    private final ManagedKeyStore store;
    private volatile SecretKeySpec key;

    BlindIndex(KeyProvider provider, ManagedKeyStore store) {
        this.provider = provider;
        this.store = store;
    }

    /** @param field the request field, named in the error if the value does not normalise */
    public Uni<String> of(Identifier identifier, String field) {
        String normalized = IdentifierNormalizer.normalize(identifier.type(), identifier.value(), field);
        return key().map(k -> hmac(k, identifier.type().wireName() + ":" + normalized));
    }

    private Uni<SecretKeySpec> key() {
        SecretKeySpec loaded = key;
        if (loaded != null) {
            return Uni.createFrom().item(loaded);
        }
        return store.getOrCreate(KEY_NAME, () -> provider.wrap(WrappingKey.BLIND_INDEX, AesGcm.newKey())
                        .map(wrapped -> new ManagedKeyStore.StoredKey(wrapped, null)))
                .chain(stored -> provider.unwrap(WrappingKey.BLIND_INDEX, stored.wrappedKey()))
                .map(bytes -> key = new SecretKeySpec(bytes, "HmacSHA256"));
    }

    private static String hmac(SecretKeySpec key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
