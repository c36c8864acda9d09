package io.privacygate.commons.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectCipherTest {
    private static final EncryptedColumn EMAIL = EncryptedColumn.of("contact_field", "value_encrypted").holding("EMAIL");
    private static final EncryptedColumn PHONE = EncryptedColumn.of("contact_field", "value_encrypted").holding("PHONE");
    private static final EncryptedColumn NOTES = EncryptedColumn.of("contact_note", "text_encrypted");
    private final UUID subject = UUID.randomUUID();
    private final byte[] dek = AesGcm.newKey();

    @Test
    void roundTripsUnicodeText() {
        SubjectCipher cipher = new SubjectCipher(subject, dek);
        String text = "Zoë Ñúñez — 東京 ✓";
        String sealed = cipher.encrypt(NOTES, text);
        assertThat(sealed).startsWith("v2.").doesNotContain("Zo");
        assertThat(cipher.decrypt(NOTES, sealed)).isEqualTo(text);
    }

    @Test
    void usesAFreshNonceEachTime() {
        SubjectCipher cipher = new SubjectCipher(subject, dek);
        assertThat(cipher.encrypt(NOTES, "same")).isNotEqualTo(cipher.encrypt(NOTES, "same"));
    }

    @Test
    void ciphertextOfOneSubjectDoesNotDecryptAsAnother() {
        String sealed = new SubjectCipher(subject, dek).encrypt(EMAIL, "alice@example.org");
        SubjectCipher other = new SubjectCipher(UUID.randomUUID(), dek);
        assertThatThrownBy(() -> other.decrypt(EMAIL, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ciphertextMovedToAnotherColumnOrAnotherKindOfValueDoesNotDecrypt() {
        SubjectCipher cipher = new SubjectCipher(subject, dek);
        String email = cipher.encrypt(EMAIL, "alice@example.org");
        assertThatThrownBy(() -> cipher.decrypt(PHONE, email)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(NOTES, email)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSubjectOnlyFormatIsReadUntilTheServiceHasUpgradedEveryOneThenRefusedAsTampering() {
        byte[] sealed = AesGcm.encrypt(dek, "alice@example.org".getBytes(StandardCharsets.UTF_8),
                subject.toString().getBytes(StandardCharsets.US_ASCII));
        String subjectOnly = "v1." + Base64.getEncoder().encodeToString(sealed);
        int[] forgeries = {0};

        assertThat(new SubjectCipher(subject, dek, () -> forgeries[0]++, true).decrypt(EMAIL, subjectOnly))
                .isEqualTo("alice@example.org");
        assertThatThrownBy(() -> new SubjectCipher(subject, dek, () -> forgeries[0]++, false).decrypt(EMAIL, subjectOnly))
                .isInstanceOf(IllegalStateException.class);
        assertThat(forgeries[0]).isEqualTo(1);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = new SubjectCipher(subject, dek).encrypt(EMAIL, "alice@example.org");
        assertThatThrownBy(() -> new SubjectCipher(subject, AesGcm.newKey()).decrypt(EMAIL, sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nullStaysNull() {
        SubjectCipher cipher = new SubjectCipher(subject, dek);
        assertThat(cipher.encrypt(EMAIL, null)).isNull();
        assertThat(cipher.decrypt(EMAIL, null)).isNull();
    }
}
