package io.privacygate.audit.model.tlog;

import io.privacygate.audit.model.MerkleHash;
import io.privacygate.audit.model.NodeId;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The perfect subtrees of a tree of {@code treeSize} leaves, read from its hash tiles alone (c2sp.org/tlog-tiles): the
 * subtree at Merkle level 8·L + r is the hash of 2^r consecutive hashes of one tile at level L, so any root or proof
 * can be computed from tiles with {@link io.privacygate.audit.model.ProofBuilder}. Each tile is read once.
 */
public final class TileNodes implements Function<NodeId, byte[]> {
    private final long treeSize;
    private final Function<TilePath, byte[]> tiles;
    private final Map<TilePath, byte[]> read = new HashMap<>();

    /** @param tiles the bytes of a tile, or null if it is not to be had */
    public TileNodes(long treeSize, Function<TilePath, byte[]> tiles) {
        this.treeSize = treeSize;
        this.tiles = tiles;
    }

    /**
     * The hash of a subtree that is complete in this tree.
     *
     * @throws IllegalArgumentException if the subtree is not complete in the tree, its tile is missing or has another size
     */
    @Override
    public byte[] apply(NodeId node) {
        TilePath tile = tileOf(node, treeSize);
        int below = node.level() % TilePath.HEIGHT;
        int offset = (int) ((node.index() << below) % TilePath.FULL_WIDTH);
        byte[] hashes = read.computeIfAbsent(tile, tiles);
        if (hashes == null) {
            throw new IllegalArgumentException("Tile " + tile.path() + " is missing");
        }
        if (hashes.length != tile.width() * MerkleHash.SIZE) {
            throw new IllegalArgumentException("Tile " + tile.path() + " is not " + tile.width() + " hashes");
        }
        return fold(hashes, offset, 1 << below);
    }

    /**
     * The tile, as it is in a tree of {@code treeSize} leaves, that holds the hashes the subtree is made of.
     *
     * @throws IllegalArgumentException if the subtree is not complete in the tree
     */
    public static TilePath tileOf(NodeId node, long treeSize) {
        int level = node.level() / TilePath.HEIGHT;
        int below = node.level() % TilePath.HEIGHT;
        long first = node.index() << below;
        long index = first / TilePath.FULL_WIDTH;
        int width = TilePath.widthIn(treeSize, level, index);
        if (width == 0 || first % TilePath.FULL_WIDTH + (1L << below) > width) {
            throw new IllegalArgumentException("Subtree " + node + " is not complete in a tree of " + treeSize);
        }
        return new TilePath(level, index, width);
    }

    /** MTH of the {@code count} (a power of two) hashes from {@code offset}: pairs hashed level by level. */
    private static byte[] fold(byte[] hashes, int offset, int count) {
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            int from = (offset + i) * MerkleHash.SIZE;
            level[i] = Arrays.copyOfRange(hashes, from, from + MerkleHash.SIZE);
        }
        for (int n = count; n > 1; n /= 2) {
            for (int i = 0; i < n / 2; i++) {
                level[i] = MerkleHash.node(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }
}
