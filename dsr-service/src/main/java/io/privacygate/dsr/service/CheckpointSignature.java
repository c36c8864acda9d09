package io.privacygate.dsr.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Checks the Ed25519 signature over a checkpoint note (C2SP tlog-checkpoint) that audit-service hands out, trusting
 * nothing but the key it publishes; the tree's hashes and proofs are checked with commons {@code MerkleProofs}.
 */
public final class CheckpointSignature {
    /** The DER prefix of an X.509 SubjectPublicKeyInfo for a raw 32-byte Ed25519 key (RFC 8410). */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private CheckpointSignature() {
    }

    /** Whether {@code signature} (raw 64 bytes) is a valid Ed25519 signature of the note's UTF-8 bytes under the raw key. */
    public static boolean checkpointSigned(String note, byte[] signature, byte[] rawPublicKey) {
        try {
            byte[] spki = new byte[ED25519_SPKI_PREFIX.length + rawPublicKey.length];
            System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
            System.arraycopy(rawPublicKey, 0, spki, ED25519_SPKI_PREFIX.length, rawPublicKey.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(note.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
