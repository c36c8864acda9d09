package io.privacygate.commons.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IpPseudonymsTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theSameAddressGivesTheSamePseudonymWhichDoesNotContainIt() {
        String pseudonym = IpPseudonyms.pseudonymise(KEY, "203.0.113.42").orElseThrow();
        assertThat(IpPseudonyms.pseudonymise(KEY, " 203.0.113.42 ")).contains(pseudonym);
        assertThat(pseudonym).startsWith("hmac-sha256:").hasSize("hmac-sha256:".length() + 32)
                .doesNotContain("203").doesNotContain("113").doesNotContain("42");
    }

    @Test
    void differentAddressesAndKeysGiveDifferentPseudonyms() {
        String pseudonym = IpPseudonyms.pseudonymise(KEY, "203.0.113.42").orElseThrow();
        assertThat(IpPseudonyms.pseudonymise(KEY, "203.0.113.43")).isNotEqualTo(Optional.of(pseudonym));
        assertThat(IpPseudonyms.pseudonymise(OTHER_KEY, "203.0.113.42")).isNotEqualTo(Optional.of(pseudonym));
    }

    @Test
    void ipv6SpellingsAndIpv4MappedAddressesAgree() {
        assertThat(IpPseudonyms.pseudonymise(KEY, "2001:db8::1"))
                .isEqualTo(IpPseudonyms.pseudonymise(KEY, "2001:0DB8:0000:0000:0000:0000:0000:0001"));
        assertThat(IpPseudonyms.pseudonymise(KEY, "::ffff:203.0.113.42"))
                .isEqualTo(IpPseudonyms.pseudonymise(KEY, "203.0.113.42"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.org", "256.1.1.1", "1.2.3", "1.2.3.4.5", "2001:db8:::1", "1.2.3.4/24"})
    void refusesWhatIsNotAnAddressLiteral(String given) {
        assertThat(IpPseudonyms.pseudonymise(KEY, given)).isEmpty();
    }
}
