package io.privacygate.audit.model;

/**
 * A perfect subtree of the log: the {@code 2^level} leaves from {@code index * 2^level}. Level 0 is a leaf.
 * Once the log has grown past its last leaf, its hash never changes, which is why it can be stored.
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("No such subtree");
        }
    }

    public long firstLeaf() {
        return index << level;
    }
}
