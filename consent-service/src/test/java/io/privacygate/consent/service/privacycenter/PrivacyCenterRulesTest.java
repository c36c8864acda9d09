package io.privacygate.consent.service.privacycenter;

import io.privacygate.commons.crypto.OneTimeCodes;
import io.privacygate.consent.service.purposes.NoticeHash;
import io.privacygate.consent.service.verification.RateLimits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The privacy center's pure rules: every word in every language, codes, windows, notice text hashes. */
class PrivacyCenterRulesTest {
    private static final List<String> LANGUAGES = List.of("en", "de");

    /**
     * A key a localized bundle file lacks falls back to English without a word from the build, so this checks that
     * every message of {@link PrivacyMessages} has its key, with a text, in every language's file, and that no file
     * has a key the bundle does not know.
     */
    @Test
    void everyLanguageHasEveryWord() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Method method : PrivacyMessages.class.getDeclaredMethods()) {
            keys.add(method.getName());
        }
        assertThat(keys).contains("siteTitle", "unitSecondOther", "errorRequestCorrectedEmail");
        for (String language : LANGUAGES) {
            Properties words = bundle(language);
            assertThat(new TreeSet<>(words.stringPropertyNames())).as("the keys of privacy_%s", language).isEqualTo(keys);
            assertThat(words.values()).as("the words of privacy_%s", language)
                    .allSatisfy(value -> assertThat((String) value).isNotBlank());
        }
    }

    private static Properties bundle(String language) throws IOException {
        String resource = "messages/privacy_" + language + ".properties";
        try (InputStream in = PrivacyCenterRulesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
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
        assertThat(NoticeHash.of("de", "Titel", "Text"))
                .isEqualTo("sha-256:" + java.util.HexFormat.of().formatHex(sha256("de\nTitel\nText")));
    }

    @Test
    void theTextIsHashedInCanonicalForm() {
        // NFC, LF line ends, trimmed: the same words typed on another system hash alike.
        assertThat(NoticeHash.of("de", " Gr\u0075\u0308\u00dfe ", "Zeile 1\r\nZeile 2\n"))
                .isEqualTo(NoticeHash.of("de", "Gr\u00fc\u00dfe", "Zeile 1\nZeile 2"));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
