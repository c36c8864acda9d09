package io.privacygate.commons.crypto;

import javax.crypto.AEADBadTagException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Encrypts one subject's fields under its data key. The subject id is bound as associated data, so a
 * ciphertext copied onto another subject's row does not decrypt. Format: {@code v1.<base64>}.
 */
public final class SubjectCipher {
    private static final String FORMAT = "v1.";
    private final byte[] dek;
    private final byte[] associatedData;
    private final Runnable onForgery;

    SubjectCipher(UUID subjectId, byte[] dek) {
        this(subjectId, dek, () -> { });
    }

    /** @param onForgery told of every ciphertext that fails authentication (tampering, or a wrong key) */
    SubjectCipher(UUID subjectId, byte[] dek, Runnable onForgery) {
        this.dek = dek;
        this.associatedData = subjectId.toString().getBytes(StandardCharsets.US_ASCII);
        this.onForgery = onForgery;
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] sealed = AesGcm.encrypt(dek, plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
        return FORMAT + Base64.getEncoder().encodeToString(sealed);
    }

    public String decrypt(String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        if (!ciphertext.startsWith(FORMAT)) {
            throw new IllegalArgumentException("Not a subject ciphertext");
        }
        try {
            byte[] plain = AesGcm.decrypt(dek, Base64.getDecoder().decode(ciphertext.substring(FORMAT.length())), associatedData);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            onForgery.run();
            throw new IllegalStateException("A subject ciphertext failed authentication", e);
        }
    }
}
