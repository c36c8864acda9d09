package io.privacygate.ingestion.service.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/** HMAC-SHA256 with the JDK's {@link Mac}, and the constant-time comparison every check must use. */
public final class Hmac {
    private Hmac() {
    }

    /** HMAC-SHA256 of the parts, concatenated, under a UTF-8 secret. */
    public static byte[] sha256(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    public static byte[] sha256(String secret, String text) {
        return sha256(secret, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Compares in time independent of where the first difference is; false for a missing value. */
    public static boolean matches(byte[] expected, byte[] given) {
        return given != null && MessageDigest.isEqual(expected, given);
    }

    /** Lower- or upper-case hex to bytes, or null when it is not hex of a SHA-256 digest. */
    public static byte[] hexDigest(String hex) {
        if (hex == null || hex.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Standard base64 to bytes, or null when it is not base64. */
    public static byte[] base64(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
