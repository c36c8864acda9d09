package io.privacygate.ingestion.service.webhook;

import io.privacygate.ingestion.TestPayloads;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class XSignatureTest {
    private static final String SECRET = "x-consumer-secret";
    private final byte[] body = TestPayloads.bytes("x-direct-message.json");

    @Test
    void theCrcResponseIsSha256PrefixedBase64Hmac() {
        String response = XSignature.crcResponse(SECRET, "crc-token-123");
        assertThat(response).startsWith("sha256=");
        assertThat(Base64.getDecoder().decode(response.substring(7))).isEqualTo(Hmac.sha256(SECRET, "crc-token-123"));
    }

    @Test
    void aSignatureOverRawUtf8BytesVerifies() {
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("María");
        assertThat(XSignature.verify(SECRET, body, XSignature.sign(SECRET, body))).isTrue();
    }

    @Test
    void tamperedBodiesOtherSecretsAndBadHeadersFail() {
        String header = XSignature.sign(SECRET, body);
        byte[] tampered = body.clone();
        tampered[5] ^= 1;
        assertThat(XSignature.verify(SECRET, tampered, header)).isFalse();
        assertThat(XSignature.verify("other", body, header)).isFalse();
        assertThat(XSignature.verify(SECRET, body, null)).isFalse();
        assertThat(XSignature.verify(SECRET, body, header.substring(7))).isFalse();
        assertThat(XSignature.verify(SECRET, body, "sha256=not*base64")).isFalse();
    }
}
