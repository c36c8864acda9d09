package io.privacygate.audit.model.tlog;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/** One signature line of a signed note: {@code — <key name> base64(key hash ‖ signature)}. */
public record NoteSignature(String keyName, int keyHash, byte[] signature) {
    static final String PREFIX = "\u2014 ";

    public NoteSignature {
        if (!VerifierKey.validName(keyName) || signature == null || signature.length == 0) {
            throw new IllegalArgumentException("A note signature has a valid key name and signature bytes");
        }
        signature = signature.clone();
    }

    /** An Ed25519 signature over a note's text, framed for the key that made it. */
    public static NoteSignature by(VerifierKey key, byte[] signature) {
        return new NoteSignature(key.name(), key.keyHash(), signature);
    }

    /** @throws IllegalArgumentException if the line (without its newline) is not a signature line */
    public static NoteSignature parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A signature line starts with an em dash and a space");
        }
        String[] parts = line.substring(PREFIX.length()).split(" ", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("A signature line is a key name and a signature");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A note signature is not base64", e);
        }
        if (decoded.length <= 4) {
            throw new IllegalArgumentException("A note signature is a key hash and signature bytes");
        }
        return new NoteSignature(parts[0], ByteBuffer.wrap(decoded).getInt(), Arrays.copyOfRange(decoded, 4, decoded.length));
    }

    public String line() {
        byte[] framed = ByteBuffer.allocate(4 + signature.length).putInt(keyHash).put(signature).array();
        return PREFIX + keyName + " " + Base64.getEncoder().encodeToString(framed) + "\n";
    }

    public boolean isBy(NoteVerifier key) {
        return key.name().equals(keyName) && key.keyHash() == keyHash;
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature sig && sig.keyName.equals(keyName) && sig.keyHash == keyHash
                && Arrays.equals(sig.signature, signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * keyName.hashCode() + keyHash) + Arrays.hashCode(signature);
    }
}
