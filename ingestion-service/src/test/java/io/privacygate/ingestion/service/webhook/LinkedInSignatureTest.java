package io.privacygate.ingestion.service.webhook;

import io.privacygate.ingestion.TestPayloads;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class LinkedInSignatureTest {
    private static final String SECRET = "linkedin-client-secret";
    private final byte[] body = TestPayloads.bytes("linkedin-social-actions.json");

    @Test
    void theChallengeResponseIsHexHmacOfTheCodeUnderTheClientSecret() {
        String code = "890e4665-4dfe-4ab1-b689-ed553bceeed0";
        String expected = HexFormat.of().formatHex(Hmac.sha256(SECRET, code));
        assertThat(LinkedInSignature.challengeResponse(SECRET, code)).isEqualTo(expected).hasSize(64);
    }

    @Test
    void theDocumentedSignatureOverPrefixAndRawBodyVerifies() {
        byte[] prefixed = ("hmacsha256=" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String header = HexFormat.of().formatHex(Hmac.sha256(SECRET, prefixed));
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("całego");
        assertThat(LinkedInSignature.verify(SECRET, body, header)).isTrue();
        assertThat(LinkedInSignature.verify(SECRET, body, "hmacsha256=" + header)).isTrue();
    }

    @Test
    void theBodyOnlyHmacIsRefusedWithOrWithoutPrefix() {
        // it is what the challenge answer computes: accepting it let the challenge sign deliveries (issue 18)
        String bodyOnly = HexFormat.of().formatHex(Hmac.sha256(SECRET, body));
        assertThat(LinkedInSignature.verify(SECRET, body, bodyOnly)).isFalse();
        assertThat(LinkedInSignature.verify(SECRET, body, "hmacsha256=" + bodyOnly)).isFalse();
    }

    @Test
    void thePrefixIsCaseInsensitive() {
        assertThat(LinkedInSignature.verify(SECRET, body, "HmacSHA256=" + LinkedInSignature.sign(SECRET, body))).isTrue();
    }

    @Test
    void tamperedBodiesAndOtherSecretsFail() {
        String header = LinkedInSignature.sign(SECRET, body);
        byte[] tampered = body.clone();
        tampered[10] ^= 1;
        assertThat(LinkedInSignature.verify(SECRET, tampered, header)).isFalse();
        assertThat(LinkedInSignature.verify("other", body, header)).isFalse();
        assertThat(LinkedInSignature.verify(SECRET, body, null)).isFalse();
        assertThat(LinkedInSignature.verify(SECRET, body, "hmacsha256=")).isFalse();
        assertThat(LinkedInSignature.verify(SECRET, body, "sha256=" + header)).isFalse();
    }
}
