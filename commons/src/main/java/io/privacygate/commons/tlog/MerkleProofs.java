package io.privacygate.commons.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks audit-service's Merkle proofs as a verifier that trusts nothing but a signed root would: the leaf and node
 * hashes of RFC 6962 / RFC 9162 §2.1.1, the inclusion proof of RFC 9162 §2.1.3.2 and the consistency proof of
 * RFC 9162 §2.1.4.2. It shares no code with the log's proof builder, so that a bug there is not hidden by the same
 * bug here.
 */
public final class MerkleProofs {
    private MerkleProofs() {
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
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

    /**
     * RFC 9162 §2.1.3.2: the root that {@code path} leads to from the leaf at {@code index} of a tree of {@code size}
     * leaves, or empty if the path cannot belong to such a tree (out-of-range index, too short or too long).
     */
    public static Optional<byte[]> rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return Optional.empty();
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return Optional.empty();
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
        return sn == 0 ? Optional.of(r) : Optional.empty();
    }

    /** Whether {@code path} proves that the leaf at {@code index} is in the tree of {@code size} leaves with {@code root}. */
    public static boolean inclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        return rootFromInclusionProof(index, size, leafHash, path)
                .map(computed -> MessageDigest.isEqual(computed, root))
                .orElse(false);
    }

    /**
     * RFC 9162 §2.1.4.2: whether {@code proof} shows that the tree of {@code first} leaves with {@code firstRoot} is
     * a prefix of the tree of {@code second} leaves with {@code secondRoot}. Every tree extends the empty one, with
     * an empty proof.
     */
    public static boolean consistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
