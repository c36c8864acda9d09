package io.privacygate.dsr.service;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationCodesTest {

    @Test
    void codesAreDigitsOfTheConfiguredLength() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = VerificationCodes.newCode(6);
            assertThat(code).matches("\\d{6}");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(190);
    }

    @Test
    void onlyTheSaltedHashIsKeptAndItMatchesTheCodeOnly() {
        String salt = VerificationCodes.newSalt();
        String hash = VerificationCodes.hash(salt, "123456");
        assertThat(hash).doesNotContain("123456").hasSize(64);
        assertThat(VerificationCodes.matches(salt, "123456", hash)).isTrue();
        assertThat(VerificationCodes.matches(salt, "123457", hash)).isFalse();
        assertThat(VerificationCodes.matches(VerificationCodes.newSalt(), "123456", hash)).isFalse();
    }

    @Test
    void spacesAndDashesReadOutOverThePhoneDoNotCount() {
        String salt = VerificationCodes.newSalt();
        String hash = VerificationCodes.hash(salt, "123456");
        assertThat(VerificationCodes.matches(salt, "123 456", hash)).isTrue();
        assertThat(VerificationCodes.matches(salt, "123-456", hash)).isTrue();
    }
}
