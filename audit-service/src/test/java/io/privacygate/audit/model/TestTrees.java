package io.privacygate.audit.model;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tree built the way the service builds it: appended leaf by leaf, every completed subtree kept. */
final class TestTrees {
    final List<byte[]> leaves = new ArrayList<>();
    final Map<NodeId, byte[]> nodes = new HashMap<>();
    final CompactRange range = CompactRange.empty();

    static TestTrees ofSize(int size) {
        TestTrees tree = new TestTrees();
        for (int i = 0; i < size; i++) {
            tree.append(ByteBuffer.allocate(8).putLong(i * 2654435761L).array());
        }
        return tree;
    }

    void append(byte[] data) {
        leaves.add(data);
        range.append(MerkleHash.leaf(data), nodes::put);
    }

    byte[] node(NodeId id) {
        return nodes.get(id);
    }
}
