package io.privacygate.audit.tlog;

import io.privacygate.audit.model.Ed25519;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 note verifier key as C2SP signed-note defines it: {@code <name>+<hex key hash>+<base64(0x01 ‖ key)>}.
 * The key hash is the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), so one key under two
 * names, or for two signature types, never shares an identity.
 */
public record VerifierKey(String name, byte[] publicKey) {
    /** Signature type 0x01: Ed25519 over the note text (c2sp.org/signed-note, "Signature types"). */
    static final byte ED25519 = 0x01;
    private static final int KEY_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    public VerifierKey {
        if (!validName(name)) {
            throw new IllegalArgumentException("A key name is non-empty, without spaces or '+'");
        }
        if (publicKey == null || publicKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("An Ed25519 public key has 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    /** @throws IllegalArgumentException if the text is not an Ed25519 verifier key whose hash matches its key */
    public static VerifierKey parse(String vkey) {
        // Three parts at the first two '+': the base64 key may hold '+' itself.
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("A verifier key is name+hash+key");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A verifier key's key is not base64", e);
        }
        if (typed.length != 1 + KEY_BYTES || typed[0] != ED25519) {
            throw new IllegalArgumentException("Only Ed25519 verifier keys (type 0x01, 32 bytes) are supported");
        }
        VerifierKey key = new VerifierKey(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (key.keyHash() != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new IllegalArgumentException("A verifier key's hash does not match its name and key");
        }
        return key;
    }

    /** Key names MUST be non-empty and MUST NOT contain Unicode spaces or '+' (c2sp.org/signed-note). */
    static boolean validName(String name) {
        return name != null && !name.isEmpty()
                && name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20);
    }

    /** SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)[:4], big-endian. */
    public int keyHash() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(ED25519);
            byte[] digest = sha256.digest(publicKey);
            return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The standard text form, as the Go {@code note} package and witnesses read it. */
    public String encoded() {
        byte[] typed = new byte[1 + KEY_BYTES];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, KEY_BYTES);
        return name + "+" + HEX.toHexDigits(keyHash()) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    public boolean verifies(byte[] text, byte[] signature) {
        return Ed25519.verifies(Ed25519.publicKey(publicKey), text, signature);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey key && key.name.equals(name) && Arrays.equals(key.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
