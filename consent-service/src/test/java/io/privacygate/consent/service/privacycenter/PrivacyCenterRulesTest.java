package io.privacygate.consent.service.privacycenter;

import io.privacygate.commons.crypto.OneTimeCodes;
import io.privacygate.consent.service.verification.RateLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The privacy center's pure rules: words per language, retention in words, codes, windows, notice text hashes. */
class PrivacyCenterRulesTest {
    private final PrivacyTexts texts = new PrivacyTexts(List.of("en", "de", "xx"));

    @Test
    void everyLanguageHasEveryWord() {
        assertThat(texts.languages()).containsExactly("en", "de");
        assertThat(texts.of("de").keySet()).isEqualTo(texts.of("en").keySet());
        assertThat(texts.of("de").values()).allSatisfy(value -> assertThat(value).isNotBlank());
    }

    @Test
    void theLanguageAskedForWinsThenTheBrowsersThenTheDefault() {
        assertThat(texts.choose("de", "en")).isEqualTo("de");
        assertThat(texts.choose(null, "fr-CH, de;q=0.8, en;q=0.5")).isEqualTo("de");
        assertThat(texts.choose("fr", "fr")).isEqualTo("en");
        assertThat(texts.choose(null, "not a header;;;")).isEqualTo("en");
    }

    @Test
    void retentionIsSaidInWords() {
        assertThat(texts.retention("P2Y", "en")).isEqualTo("2 years");
        assertThat(texts.retention("P1Y6M", "en")).isEqualTo("1 year, 6 months");
        assertThat(texts.retention("P30D", "de")).isEqualTo("30 Tage");
        assertThat(texts.retention("PT1H", "de")).isEqualTo("1 Stunde");
        assertThat(texts.retention("forever", "en")).isEqualTo("forever");
    }

    @Test
    void codesAreDigitsKeptAsAKeyedHash() {
        byte[] key = new byte[32];
        String code = OneTimeCodes.newCode(6);
        assertThat(code).matches("\\d{6}");
        String salt = OneTimeCodes.newSalt();
        String hash = OneTimeCodes.hash(key, salt, code);
        assertThat(hash).doesNotContain(code).hasSize(64);
        assertThat(OneTimeCodes.matches(key, salt, code.substring(0, 3) + " - " + code.substring(3), hash)).isTrue();
        assertThat(OneTimeCodes.matches(key, OneTimeCodes.newSalt(), code, hash)).isFalse();
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(OneTimeCodes.matches(otherKey, salt, code, hash)).isFalse();
    }

    @Test
    void windowsAreFixedFromTheEpoch() {
        Instant at = Instant.parse("2026-12-04T17:42:10Z");
        assertThat(RateLimits.windowStart(at, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-12-04T17:00:00Z"));
        assertThat(RateLimits.windowStart(at, Duration.ofMinutes(15))).isEqualTo(Instant.parse("2026-12-04T17:30:00Z"));
    }

    @Test
    void aDayEndsAtMidnightUtc() {
        assertThat(RateLimits.utcDay(Instant.parse("2026-12-04T23:59:59Z"))).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(RateLimits.utcDay(Instant.parse("2026-12-05T00:00:00Z"))).isEqualTo(LocalDate.parse("2026-12-05"));
    }

    @Test
    void theTextHashCanBeRecomputedByAnyone() {
        assertThat(NoticeService.textHash("de", "Titel", "Text"))
                .isEqualTo("sha-256:" + java.util.HexFormat.of().formatHex(sha256("de\nTitel\nText")));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
