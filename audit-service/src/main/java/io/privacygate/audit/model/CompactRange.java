package io.privacygate.audit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a tree of {@code size} leaves: one perfect subtree per set bit of {@code size}, largest
 * (leftmost) first. That is all an append needs: a new leaf merges with the subtrees to its left exactly
 * where binary addition carries, and the root folds them from the right (RFC 9162 §2.1.1's split at the
 * largest power of two is the same recursion).
 */
public final class CompactRange {
    private final List<byte[]> hashes;
    private long size;

    private CompactRange(long size, List<byte[]> hashes) {
        this.size = size;
        this.hashes = hashes;
    }

    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /** Resumes a tree from the hashes of {@link #edge(long)}, in that order. */
    public static CompactRange resume(long size, List<byte[]> edgeHashes) {
        if (edgeHashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("A tree of " + size + " leaves has " + Long.bitCount(size) + " edge subtrees");
        }
        return new CompactRange(size, new ArrayList<>(edgeHashes));
    }

    /** The perfect subtrees that make up the first {@code size} leaves, largest (leftmost) first. */
    public static List<NodeId> edge(long size) {
        return decompose(0, size);
    }

    /** The perfect subtrees covering leaves {@code [start, end)}; {@code start} must be aligned to their sizes. */
    static List<NodeId> decompose(long start, long end) {
        List<NodeId> nodes = new ArrayList<>();
        long cursor = start;
        for (int level = 63 - Long.numberOfLeadingZeros(Math.max(end - start, 1)); level >= 0; level--) {
            if (((end - start) & (1L << level)) != 0) {
                nodes.add(new NodeId(level, cursor >> level));
                cursor += 1L << level;
            }
        }
        return nodes;
    }

    /**
     * Appends a leaf and reports every subtree it completes, the leaf itself (level 0) first, so that the
     * caller can store them.
     */
    public void append(byte[] leafHash, NodeSink completed) {
        long index = size;
        int level = 0;
        byte[] hash = leafHash;
        completed.accept(new NodeId(0, index), hash);
        while ((index & 1) == 1) {
            hash = MerkleHash.node(hashes.remove(hashes.size() - 1), hash);
            index >>= 1;
            level++;
            completed.accept(new NodeId(level, index), hash);
        }
        hashes.add(hash);
        size++;
    }

    public long size() {
        return size;
    }

    /** The Merkle tree hash of the leaves appended so far. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleHash.empty();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(hashes.get(i), root);
        }
        return root;
    }

    /** Receives the subtrees an append completes. */
    @FunctionalInterface
    public interface NodeSink {
        void accept(NodeId node, byte[] hash);
    }
}
