package io.privacygate.commons.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One-time codes: random digits, kept only as HMAC-SHA256 under a key of the service over a per-code salt and the
 * digits, and compared in constant time. Unlike a plain hash, a leaked table cannot be brute-forced offline (a
 * million codes) without the key; a short code is safe online because it expires and allows few attempts.
 */
public final class OneTimeCodes {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private OneTimeCodes() {
    }

    public static String newCode(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }

    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HEX.formatHex(salt);
    }

    public static String hash(byte[] key, String salt, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(HEX.parseHex(salt));
            return HEX.formatHex(mac.doFinal(normalize(code).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    public static boolean matches(byte[] key, String salt, String code, String expectedHash) {
        return MessageDigest.isEqual(HEX.parseHex(hash(key, salt, code)), HEX.parseHex(expectedHash));
    }

    /** People copy codes with spaces or dashes; only the digits count. */
    public static String normalize(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "");
    }
}
