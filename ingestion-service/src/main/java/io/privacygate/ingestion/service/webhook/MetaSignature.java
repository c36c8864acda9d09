package io.privacygate.ingestion.service.webhook;

import java.util.HexFormat;

/**
 * Meta's {@code X-Hub-Signature-256: sha256=<hex>}: HMAC-SHA256 under the app secret over the body
 * exactly as sent. Meta escapes non-ASCII text as {@code \\uXXXX} in the bytes it signs, so the check
 * runs on the raw bytes, never on JSON parsed and written again.
 */
public final class MetaSignature {
    private static final String PREFIX = "sha256=";

    private MetaSignature() {
    }

    public static boolean verify(String appSecret, byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        return Hmac.matches(Hmac.sha256(appSecret, body), Hmac.hexDigest(header.substring(PREFIX.length()).trim()));
    }

    /** The header value Meta would send for this body (for tests and the benchmark's driver). */
    public static String sign(String appSecret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(Hmac.sha256(appSecret, body));
    }
}
