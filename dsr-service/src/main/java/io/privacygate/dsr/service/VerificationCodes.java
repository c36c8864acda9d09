package io.privacygate.dsr.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One-time codes for EMAIL_CODE verification: random digits, stored only as a salted SHA-256 hash and
 * compared in constant time. A short code is safe because it expires and allows few attempts.
 */
public final class VerificationCodes {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private VerificationCodes() {
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

    public static String hash(String salt, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(HEX.parseHex(salt));
            return HEX.formatHex(sha256.digest(normalize(code).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    public static boolean matches(String salt, String code, String expectedHash) {
        return MessageDigest.isEqual(HEX.parseHex(hash(salt, code)), HEX.parseHex(expectedHash));
    }

    /** People read codes out over the phone with spaces or dashes; only the digits count. */
    static String normalize(String code) {
        return code.replaceAll("[\\s-]", "");
    }
}
