package io.privacygate.commons.crypto;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectCipherTest {
    private final UUID subject = UUID.randomUUID();
    private final byte[] dek = AesGcm.newKey();

    @Test
    void roundTripsUnicodeText() {
        SubjectCipher cipher = new SubjectCipher(subject, dek);
        String text = "Zoë Ñúñez — 東京 ✓";
        String sealed = cipher.encrypt(text);
        assertThat(sealed).startsWith("v1.").doesNotContain("Zo");
        assertThat(cipher.decrypt(sealed)).isEqualTo(text);
    }

    @Test
    void usesAFreshNonceEachTime() {
        SubjectCipher cipher = new SubjectCipher(subject, dek);
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void ciphertextOfOneSubjectDoesNotDecryptAsAnother() {
        String sealed = new SubjectCipher(subject, dek).encrypt("alice@example.org");
        SubjectCipher other = new SubjectCipher(UUID.randomUUID(), dek);
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = new SubjectCipher(subject, dek).encrypt("alice@example.org");
        assertThatThrownBy(() -> new SubjectCipher(subject, AesGcm.newKey()).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nullStaysNull() {
        SubjectCipher cipher = new SubjectCipher(subject, dek);
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }
}
