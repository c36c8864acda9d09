package io.privacygate.ingestion.service.webhook;

import java.util.Base64;

/**
 * X's Account Activity checks, both HMAC-SHA256 under the consumer secret, base64-encoded:
 * the CRC answer {@code sha256=base64(HMAC(secret, crc_token))}, and
 * {@code x-twitter-webhooks-signature: sha256=base64(HMAC(secret, raw body))} on every event.
 */
public final class XSignature {
    private static final String PREFIX = "sha256=";

    private XSignature() {
    }

    public static String crcResponse(String consumerSecret, String crcToken) {
        return PREFIX + Base64.getEncoder().encodeToString(Hmac.sha256(consumerSecret, crcToken));
    }

    public static boolean verify(String consumerSecret, byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        return Hmac.matches(Hmac.sha256(consumerSecret, body), Hmac.base64(header.substring(PREFIX.length()).trim()));
    }

    /** The header value X would send for this body (for tests). */
    public static String sign(String consumerSecret, byte[] body) {
        return PREFIX + Base64.getEncoder().encodeToString(Hmac.sha256(consumerSecret, body));
    }
}
