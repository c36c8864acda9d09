package io.privacygate.audit.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * An independent reference for the tests, written straight from the RFCs and sharing no code with the
 * production classes: MTH by RFC 6962 §2.1's recursion. Proofs are checked with commons' {@code MerkleProofs}, the
 * verifier that every outside reader of the log runs, which shares no code with the proof builder either.
 */
public final class ReferenceMerkle {
    private ReferenceMerkle() {
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public static byte[] leafHash(byte[] data) {
        return sha256(new byte[]{0}, data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[]{1}, left, right);
    }

    /** MTH(D[n]) over raw leaf data. */
    public static byte[] mth(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHash(leaves.get(0));
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
    }
}
