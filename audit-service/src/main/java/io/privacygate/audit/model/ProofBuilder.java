package io.privacygate.audit.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Roots, inclusion proofs and consistency proofs exactly as RFC 6962 §2.1.1–2.1.2 define them
 * (RFC 9162 §2.1.3–2.1.4), computed from stored perfect subtrees. Every range the recursion asks a hash
 * for starts at a multiple of a power of two at least its length, so it is a handful of stored subtrees:
 * a proof needs O(log n) of them.
 * <p>
 * Which subtrees are needed does not depend on their hashes, so {@code *Nodes} methods run the same code
 * with placeholder hashes to list them; the caller fetches them in one query and runs it for real.
 */
public final class ProofBuilder {
    private static final byte[] PLACEHOLDER = new byte[MerkleHash.SIZE];

    private ProofBuilder() {
    }

    public static byte[] root(long size, Function<NodeId, byte[]> nodes) {
        return size == 0 ? MerkleHash.empty() : rangeHash(0, size, nodes);
    }

    public static Set<NodeId> rootNodes(long size) {
        return recorded(nodes -> root(size, nodes));
    }

    /** PATH(m, D[n]): the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    public static List<byte[]> inclusion(long index, long size, Function<NodeId, byte[]> nodes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("The leaf index must be below the tree size");
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, nodes, path);
        return path;
    }

    public static Set<NodeId> inclusionNodes(long index, long size) {
        return recorded(nodes -> inclusion(index, size, nodes));
    }

    /** PROOF(m, D[n]): proves that the tree of {@code from} leaves is a prefix of the tree of {@code to}. */
    public static List<byte[]> consistency(long from, long to, Function<NodeId, byte[]> nodes) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("The first size must be between 0 and the second");
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, nodes, proof);
        }
        return proof;
    }

    public static Set<NodeId> consistencyNodes(long from, long to) {
        return recorded(nodes -> consistency(from, to, nodes));
    }

    private static void path(long m, long lo, long hi, Function<NodeId, byte[]> nodes, List<byte[]> path) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m - lo < k) {
            path(m, lo, lo + k, nodes, path);
            path.add(rangeHash(lo + k, hi, nodes));
        } else {
            path(m, lo + k, hi, nodes, path);
            path.add(rangeHash(lo, lo + k, nodes));
        }
    }

    private static void subproof(long m, long lo, long hi, boolean complete, Function<NodeId, byte[]> nodes,
                                 List<byte[]> proof) {
        long n = hi - lo;
        if (m == n) {
            if (!complete) {
                proof.add(rangeHash(lo, hi, nodes));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, lo, lo + k, complete, nodes, proof);
            proof.add(rangeHash(lo + k, hi, nodes));
        } else {
            subproof(m - k, lo + k, hi, false, nodes, proof);
            proof.add(rangeHash(lo, lo + k, nodes));
        }
    }

    /** MTH(D[lo:hi]) folded from its perfect subtrees. */
    private static byte[] rangeHash(long lo, long hi, Function<NodeId, byte[]> nodes) {
        List<NodeId> parts = CompactRange.decompose(lo, hi);
        byte[] hash = require(nodes, parts.get(parts.size() - 1));
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = MerkleHash.node(require(nodes, parts.get(i)), hash);
        }
        return hash;
    }

    private static byte[] require(Function<NodeId, byte[]> nodes, NodeId id) {
        byte[] hash = nodes.apply(id);
        if (hash == null) {
            throw new MissingNodeException(id);
        }
        return hash;
    }

    /** The largest power of two strictly smaller than {@code n} (n ≥ 2): RFC 6962's split point. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static Set<NodeId> recorded(java.util.function.Consumer<Function<NodeId, byte[]>> computation) {
        Set<NodeId> needed = new LinkedHashSet<>();
        computation.accept(id -> {
            needed.add(id);
            return PLACEHOLDER;
        });
        return needed;
    }

    /** A stored subtree that should exist does not: the storage was altered. */
    public static class MissingNodeException extends IllegalStateException {
        public MissingNodeException(NodeId id) {
            super("The stored subtree at level " + id.level() + ", index " + id.index() + " is missing");
        }
    }
}
