package io.privacygate.dsr.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks what audit-service hands out, trusting nothing but the signed tree head: RFC 6962 / RFC 9162 §2.1 leaf
 * and node hashes, the inclusion proof algorithm of RFC 9162 §2.1.3.2, and the Ed25519 signature over a checkpoint
 * note (C2SP tlog-checkpoint). Written apart from audit-service's proof builder, as an outside verifier would be.
 */
public final class LogProofs {
    /** The DER prefix of an X.509 SubjectPublicKeyInfo for a raw 32-byte Ed25519 key (RFC 8410). */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private LogProofs() {
    }

    /** leaf = SHA-256(0x00 ‖ data). */
    public static byte[] leafHash(byte[] leafData) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(leafData);
    }

    /** node = SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    /** RFC 9162 §2.1.3.2: whether {@code path} proves the leaf at {@code index} is in the tree of {@code size} with {@code root}. */
    public static boolean inclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
