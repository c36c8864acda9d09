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
    private final ManagedKey<SecretKeySpec> key;

    BlindIndex(KeyProvider provider, ManagedKeyStore store) {
        this.key = ManagedKey.secret("blind-index", WrappingKey.BLIND_INDEX, provider, store,
                secret -> new SecretKeySpec(secret, "HmacSHA256"));
    }

    /** @param field the request field, named in the error if the value does not normalise */
    public Uni<String> of(Identifier identifier, String field) {
        String normalized = IdentifierNormalizer.normalize(identifier.type(), identifier.value(), field);
        return key.get().map(k -> hmac(k, identifier.type().wireName() + ":" + normalized));
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
