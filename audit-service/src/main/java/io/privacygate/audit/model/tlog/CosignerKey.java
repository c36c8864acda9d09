package io.privacygate.audit.model.tlog;

import io.privacygate.audit.model.Ed25519;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A witness's Ed25519 cosigner key (c2sp.org/tlog-cosignature, signature type 0x04). A cosignature is a timestamp (u64,
 * big-endian) and an Ed25519 signature over {@code cosignature/v1\ntime <timestamp>\n} followed by the note text: the
 * witness's statement that, at that time, this was the largest consistent tree it had seen of the log.
 */
public record CosignerKey(String name, byte[] publicKey) implements NoteVerifier {
    static final byte COSIGNATURE_V1 = 0x04;
    private static final int SIGNATURE_BYTES = 64;

    public CosignerKey {
        if (!VerifierKey.validName(name) || publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("A cosigner key has a valid name and a 32-byte Ed25519 key");
        }
        publicKey = publicKey.clone();
    }

    /** @throws IllegalArgumentException if the text is not a type-0x04 verifier key whose hash matches its key */
    public static CosignerKey parse(String vkey) {
        VerifierKey.Decoded decoded = VerifierKey.decode(vkey, COSIGNATURE_V1);
        return decoded.checked(new CosignerKey(decoded.name(), decoded.key()));
    }

    /** The message a cosignature signs. */
    public static byte[] message(long timestamp, String text) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    /** The timestamp of a cosignature, or -1 if the bytes are not one. */
    public static long timestamp(byte[] signature) {
        return signature.length == 8 + SIGNATURE_BYTES ? ByteBuffer.wrap(signature).getLong() : -1;
    }

    @Override
    public int keyHash() {
        return VerifierKey.keyHash(name, COSIGNATURE_V1, publicKey);
    }

    @Override
    public boolean verifies(byte[] text, byte[] signature) {
        // A negative long is a timestamp beyond 2^63 - 1, which the spec forbids.
        long timestamp = timestamp(signature);
        return timestamp >= 0 && Ed25519.verifies(Ed25519.publicKey(publicKey),
                message(timestamp, new String(text, StandardCharsets.UTF_8)), Arrays.copyOfRange(signature, 8, signature.length));
    }

    @Override
    public String encoded() {
        return VerifierKey.encoded(name, keyHash(), COSIGNATURE_V1, publicKey);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CosignerKey key && key.name.equals(name) && Arrays.equals(key.publicKey, publicKey);
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
