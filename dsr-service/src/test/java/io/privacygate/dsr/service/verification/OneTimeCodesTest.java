package io.privacygate.dsr.service.verification;

import io.privacygate.commons.crypto.OneTimeCodes;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-time codes of EMAIL_CODE verification, as dsr-service relies on them. */
class OneTimeCodesTest {
    private static final byte[] KEY = key();

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void codesAreDigitsOfTheConfiguredLength() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = OneTimeCodes.newCode(6);
            assertThat(code).matches("\\d{6}");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(190);
    }

    @Test
    void onlyTheKeyedHashIsKeptAndItMatchesTheCodeOnly() {
        String salt = OneTimeCodes.newSalt();
        String hash = OneTimeCodes.hash(KEY, salt, "123456");
        assertThat(hash).doesNotContain("123456").hasSize(64);
        assertThat(OneTimeCodes.matches(KEY, salt, "123456", hash)).isTrue();
        assertThat(OneTimeCodes.matches(KEY, salt, "123457", hash)).isFalse();
        assertThat(OneTimeCodes.matches(KEY, OneTimeCodes.newSalt(), "123456", hash)).isFalse();
    }

    @Test
    void withoutTheKeyAStoredHashMatchesNoCode() {
        String salt = OneTimeCodes.newSalt();
        String hash = OneTimeCodes.hash(KEY, salt, "123456");
        assertThat(OneTimeCodes.matches(key(), salt, "123456", hash)).isFalse();
    }

    @Test
    void spacesAndDashesReadOutOverThePhoneDoNotCount() {
        String salt = OneTimeCodes.newSalt();
        String hash = OneTimeCodes.hash(KEY, salt, "123456");
        assertThat(OneTimeCodes.matches(KEY, salt, "123 456", hash)).isTrue();
        assertThat(OneTimeCodes.matches(KEY, salt, "123-456", hash)).isTrue();
    }
}
