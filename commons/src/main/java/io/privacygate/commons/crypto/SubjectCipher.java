package io.privacygate.commons.crypto;

import javax.crypto.AEADBadTagException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Encrypts one subject's fields under its data key, each bound to where it is stored: the associated data of
 * format {@code v2.<base64>} is the subject id, the table, the column and the kind of value
 * ({@link EncryptedColumn}), so a ciphertext copied into another subject's row, another column or another kind's row
 * fails authentication. Format {@code v1.}, bound to the subject only, is never written, and read only until the
 * service's {@link CiphertextUpgrade} has rewritten every one ({@link CiphertextFormats}).
 */
public final class SubjectCipher {
    private static final String CURRENT = "v2.";
    /** The prefix of the format bound to the subject only, which {@link CiphertextUpgrade} rewrites. */
    static final String SUBJECT_ONLY = "v1.";
    private final UUID subjectId;
    private final byte[] dek;
    private final Runnable onForgery;
    private final boolean readsSubjectOnly;

    SubjectCipher(UUID subjectId, byte[] dek) {
        this(subjectId, dek, () -> { }, true);
    }

    /**
     * @param onForgery        told of every ciphertext that fails authentication (tampering, or a wrong key)
     * @param readsSubjectOnly whether format {@code v1.} is still read
     */
    SubjectCipher(UUID subjectId, byte[] dek, Runnable onForgery, boolean readsSubjectOnly) {
        this.subjectId = subjectId;
        this.dek = dek;
        this.onForgery = onForgery;
        this.readsSubjectOnly = readsSubjectOnly;
    }

    public String encrypt(EncryptedColumn column, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] sealed = AesGcm.encrypt(dek, plaintext.getBytes(StandardCharsets.UTF_8), associatedData(column));
        return CURRENT + Base64.getEncoder().encodeToString(sealed);
    }

    public String decrypt(EncryptedColumn column, String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        byte[] associatedData;
        String body;
        if (ciphertext.startsWith(CURRENT)) {
            associatedData = associatedData(column);
            body = ciphertext.substring(CURRENT.length());
        } else if (ciphertext.startsWith(SUBJECT_ONLY) && readsSubjectOnly) {
            associatedData = subjectId.toString().getBytes(StandardCharsets.US_ASCII);
            body = ciphertext.substring(SUBJECT_ONLY.length());
        } else {
            onForgery.run();
            throw new IllegalStateException("Not a subject ciphertext of a format this service reads");
        }
        try {
            return new String(AesGcm.decrypt(dek, Base64.getDecoder().decode(body), associatedData), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            onForgery.run();
            throw new IllegalStateException("A subject ciphertext failed authentication", e);
        }
    }

    private byte[] associatedData(EncryptedColumn column) {
        return (subjectId + "|" + column.binding()).getBytes(StandardCharsets.UTF_8);
    }
}
