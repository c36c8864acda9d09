package io.privacygate.audit.model.tlog;

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
public record VerifierKey(String name, byte[] publicKey) implements NoteVerifier {
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
        Decoded decoded = decode(vkey, ED25519);
        return decoded.checked(new VerifierKey(decoded.name(), decoded.key()));
    }

    /** The parts of a vkey of the given signature type, the key hash not yet checked. */
    record Decoded(String name, int keyHash, byte[] key) {
        <K extends NoteVerifier> K checked(K parsed) {
            if (parsed.keyHash() != keyHash) {
                throw new IllegalArgumentException("A verifier key's hash does not match its name and key");
            }
            return parsed;
        }
    }

    static Decoded decode(String vkey, byte type) {
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
        if (typed.length != 1 + KEY_BYTES || typed[0] != type) {
            throw new IllegalArgumentException("Only Ed25519 keys (32 bytes) of signature type " + type + " are supported here");
        }
        return new Decoded(parts[0], Integer.parseUnsignedInt(parts[1], 16), Arrays.copyOfRange(typed, 1, typed.length));
    }

    /** Key names MUST be non-empty and MUST NOT contain Unicode spaces or '+' (c2sp.org/signed-note). */
    static boolean validName(String name) {
        return name != null && !name.isEmpty()
                && name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20);
    }

    /** SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)[:4], big-endian. */
    @Override
    public int keyHash() {
        return keyHash(name, ED25519, publicKey);
    }

    static int keyHash(String name, byte type, byte[] publicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(type);
            byte[] digest = sha256.digest(publicKey);
            return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The standard text form, as the Go {@code note} package and witnesses read it. */
    @Override
    public String encoded() {
        return encoded(name, keyHash(), ED25519, publicKey);
    }

    static String encoded(String name, int keyHash, byte type, byte[] publicKey) {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = type;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + HEX.toHexDigits(keyHash) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    @Override
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
