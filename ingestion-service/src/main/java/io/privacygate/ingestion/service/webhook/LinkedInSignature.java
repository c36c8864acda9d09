package io.privacygate.ingestion.service.webhook;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * LinkedIn's webhook checks, both HMAC-SHA256 under the app's client secret, hex-encoded.
 * <ul>
 *   <li>Validation: {@code challengeResponse = hex(HMAC(clientSecret, challengeCode))}, for a UUID only
 *   ({@link Challenges}).</li>
 *   <li>Events, {@code X-LI-Signature}: LinkedIn documents the digest as computed "on the POST body
 *   prefixed by {@code hmacsha256=}". Only that form is verified: the header value, with an optional
 *   leading {@code hmacsha256=} removed (case-insensitive), must be 64 hex digits equal to
 *   {@code HMAC(clientSecret, "hmacsha256=" ‖ raw body)}. The body-only reading is not accepted: it is
 *   exactly what the challenge answer computes, so it would let the challenge sign deliveries (issue 18).
 *   A challenge answer can match the documented form only for a code starting with {@code hmacsha256=},
 *   which is no UUID.</li>
 * </ul>
 */
public final class LinkedInSignature {
    private static final String PREFIX = "hmacsha256=";
    private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.US_ASCII);

    private LinkedInSignature() {
    }

    public static String challengeResponse(String clientSecret, String challengeCode) {
        return HexFormat.of().formatHex(Hmac.sha256(clientSecret, challengeCode));
    }

    public static boolean verify(String clientSecret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        String value = header.trim();
        if (value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            value = value.substring(PREFIX.length());
        }
        return Hmac.matches(Hmac.sha256(clientSecret, PREFIX_BYTES, body), Hmac.hexDigest(value));
    }

    /** The header value as LinkedIn documents it (for tests). */
    public static String sign(String clientSecret, byte[] body) {
        return HexFormat.of().formatHex(Hmac.sha256(clientSecret, PREFIX_BYTES, body));
    }
}
