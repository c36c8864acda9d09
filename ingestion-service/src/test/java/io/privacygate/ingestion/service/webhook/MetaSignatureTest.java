package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.ingestion.TestPayloads;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class MetaSignatureTest {
    private static final String SECRET = "meta-app-secret";
    private final byte[] body = TestPayloads.bytes("meta-feed-comment.json");

    @Test
    void aSignatureOverTheRawBytesVerifies() {
        assertThat(MetaSignature.verify(SECRET, body, MetaSignature.sign(SECRET, body))).isTrue();
    }

    @Test
    void theHeaderIsLowercaseHexOfHmacSha256UnderTheAppSecret() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), RFC 4231-style known answer
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        assertThat(MetaSignature.sign("key", fox))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void metaEscapesUnicodeInWhatItSignsAndTheEscapedBytesVerify() {
        String raw = new String(body, StandardCharsets.UTF_8);
        assertThat(raw).contains("Ren\\u00e9e").doesNotContain("Renée");
        assertThat(MetaSignature.verify(SECRET, body, MetaSignature.sign(SECRET, body))).isTrue();
    }

    @Test
    void reSerialisedJsonWouldNotVerify() throws Exception {
        String header = MetaSignature.sign(SECRET, body);
        ObjectMapper json = new ObjectMapper();
        byte[] reserialised = json.writeValueAsBytes(json.readTree(body));
        assertThat(new String(reserialised, StandardCharsets.UTF_8)).contains("Renée");
        assertThat(MetaSignature.verify(SECRET, reserialised, header)).isFalse();
    }

    @Test
    void aTamperedBodyFails() {
        String header = MetaSignature.sign(SECRET, body);
        byte[] tampered = body.clone();
        tampered[tampered.length - 3] ^= 1;
        assertThat(MetaSignature.verify(SECRET, tampered, header)).isFalse();
    }

    @Test
    void anotherSecretFails() {
        assertThat(MetaSignature.verify(SECRET, body, MetaSignature.sign("other", body))).isFalse();
    }

    @Test
    void missingMalformedOrOtherSchemeHeadersFail() {
        String hex = MetaSignature.sign(SECRET, body).substring("sha256=".length());
        assertThat(MetaSignature.verify(SECRET, body, null)).isFalse();
        assertThat(MetaSignature.verify(SECRET, body, "")).isFalse();
        assertThat(MetaSignature.verify(SECRET, body, hex)).isFalse();
        assertThat(MetaSignature.verify(SECRET, body, "sha1=" + hex)).isFalse();
        assertThat(MetaSignature.verify(SECRET, body, "sha256=" + hex.substring(2))).isFalse();
        assertThat(MetaSignature.verify(SECRET, body, "sha256=zz" + hex.substring(2))).isFalse();
    }

    @Test
    void upperCaseHexIsTheSameDigest() {
        String hex = MetaSignature.sign(SECRET, body).substring("sha256=".length());
        assertThat(MetaSignature.verify(SECRET, body, "sha256=" + hex.toUpperCase())).isTrue();
        assertThat(HexFormat.of().parseHex(hex)).hasSize(32);
    }
}
