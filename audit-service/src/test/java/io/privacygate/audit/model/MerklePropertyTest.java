package io.privacygate.audit.model;

import io.privacygate.commons.tlog.MerkleProofs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random trees checked against the independent reference: every root, every inclusion proof, many
 * consistency proofs, and tampered proofs that must fail. Seeded, so a failure can be replayed.
 */
class MerklePropertyTest {
    private static final long SEED = 6962L;
    private static final int MAX_SIZE = 1000;

    private static List<Integer> sizes(Random random) {
        List<Integer> sizes = new ArrayList<>(List.of(1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 255, 256, 257, MAX_SIZE));
        IntStream.range(0, 25).forEach(i -> sizes.add(1 + random.nextInt(MAX_SIZE)));
        return sizes;
    }

    @Test
    void rootsMatchTheReferenceForEveryPrefix() {
        TestTrees tree = TestTrees.ofSize(MAX_SIZE);
        TestTrees growing = new TestTrees();
        for (int size = 1; size <= 300; size++) {
            growing.append(tree.leaves.get(size - 1));
            assertThat(growing.range.root()).as("size %d", size).isEqualTo(ReferenceMerkle.mth(tree.leaves.subList(0, size)));
            assertThat(ProofBuilder.root(size, tree::node)).as("size %d", size).isEqualTo(growing.range.root());
        }
        assertThat(tree.range.root()).isEqualTo(ReferenceMerkle.mth(tree.leaves));
    }

    @Test
    void everyInclusionProofVerifies() {
        Random random = new Random(SEED);
        TestTrees tree = TestTrees.ofSize(MAX_SIZE);
        for (int size : sizes(random)) {
            byte[] root = ProofBuilder.root(size, tree::node);
            assertThat(root).isEqualTo(ReferenceMerkle.mth(tree.leaves.subList(0, size)));
            for (int index = 0; index < size; index++) {
                List<byte[]> path = ProofBuilder.inclusion(index, size, tree::node);
                byte[] leaf = ReferenceMerkle.leafHash(tree.leaves.get(index));
                assertThat(MerkleProofs.inclusion(index, size, leaf, path, root))
                        .as("leaf %d of %d", index, size).isTrue();
                assertThat(path.size()).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(size));
            }
        }
    }

    @Test
    void consistencyProofsVerifyForRandomPairs() {
        Random random = new Random(SEED + 1);
        TestTrees tree = TestTrees.ofSize(MAX_SIZE);
        for (int i = 0; i < 3000; i++) {
            int to = 1 + random.nextInt(MAX_SIZE);
            int from = i % 10 == 0 ? to : 1 + random.nextInt(to);
            assertConsistent(tree, from, to);
        }
        for (int to = 1; to <= 64; to++) {
            for (int from = 0; from <= to; from++) {
                assertConsistent(tree, from, to);
            }
        }
    }

    private static void assertConsistent(TestTrees tree, int from, int to) {
        List<byte[]> proof = ProofBuilder.consistency(from, to, tree::node);
        assertThat(MerkleProofs.consistency(from, to, ProofBuilder.root(from, tree::node),
                ProofBuilder.root(to, tree::node), proof)).as("%d → %d", from, to).isTrue();
    }

    @Test
    void flippedBitsInInclusionProofsAreRejected() {
        Random random = new Random(SEED + 2);
        TestTrees tree = TestTrees.ofSize(MAX_SIZE);
        for (int i = 0; i < 2000; i++) {
            int size = 2 + random.nextInt(MAX_SIZE - 1);
            int index = random.nextInt(size);
            byte[] root = ProofBuilder.root(size, tree::node);
            byte[] leaf = ReferenceMerkle.leafHash(tree.leaves.get(index));
            List<byte[]> path = ProofBuilder.inclusion(index, size, tree::node);
            for (int element = 0; element < path.size(); element++) {
                assertThat(MerkleProofs.inclusion(index, size, leaf, flipped(path, element, random), root))
                        .as("bit flipped in element %d of the path of %d in %d", element, index, size).isFalse();
            }
            assertThat(MerkleProofs.inclusion(index, size, flip(leaf, random), path, root)).isFalse();
            assertThat(MerkleProofs.inclusion(index, size, leaf, path, flip(root, random))).isFalse();
            assertThat(MerkleProofs.inclusion(index, size, leaf, path.subList(0, path.size() - 1), root)).isFalse();
        }
    }

    @Test
    void flippedBitsInConsistencyProofsAreRejected() {
        Random random = new Random(SEED + 3);
        TestTrees tree = TestTrees.ofSize(MAX_SIZE);
        for (int i = 0; i < 2000; i++) {
            int to = 2 + random.nextInt(MAX_SIZE - 1);
            int from = 1 + random.nextInt(to - 1);
            byte[] first = ProofBuilder.root(from, tree::node);
            byte[] second = ProofBuilder.root(to, tree::node);
            List<byte[]> proof = ProofBuilder.consistency(from, to, tree::node);
            for (int element = 0; element < proof.size(); element++) {
                assertThat(MerkleProofs.consistency(from, to, first, second, flipped(proof, element, random)))
                        .as("bit flipped in element %d of %d → %d", element, from, to).isFalse();
            }
            assertThat(MerkleProofs.consistency(from, to, flip(first, random), second, proof)).isFalse();
            assertThat(MerkleProofs.consistency(from, to, first, flip(second, random), proof)).isFalse();
        }
    }

    @Test
    void proofsReadFewStoredNodes() {
        for (long size : new long[]{1_000_000L, (1L << 40) + 12345, Long.MAX_VALUE / 2}) {
            long index = size / 3;
            assertThat(ProofBuilder.inclusionNodes(index, size)).hasSizeLessThanOrEqualTo(2 * 64);
            assertThat(ProofBuilder.consistencyNodes(index, size)).hasSizeLessThanOrEqualTo(2 * 64);
            assertThat(ProofBuilder.rootNodes(size)).hasSize(Long.bitCount(size));
        }
    }

    @Test
    void resumingFromTheStoredEdgeContinuesTheSameTree() {
        TestTrees tree = TestTrees.ofSize(MAX_SIZE);
        for (int size : new int[]{0, 1, 6, 7, 8, 511, 512, 513, 999}) {
            List<byte[]> edge = CompactRange.edge(size).stream().map(tree::node).toList();
            CompactRange resumed = CompactRange.resume(size, edge);
            List<NodeId> emitted = new ArrayList<>();
            for (int i = size; i < MAX_SIZE; i++) {
                resumed.append(MerkleHash.leaf(tree.leaves.get(i)), (id, hash) -> {
                    assertThat(hash).isEqualTo(tree.node(id));
                    emitted.add(id);
                });
            }
            assertThat(resumed.root()).isEqualTo(tree.range.root());
            assertThat(emitted).hasSize(tree.nodes.size() - tree.nodes.keySet().stream()
                    .filter(id -> id.firstLeaf() + (1L << id.level()) <= size).toList().size());
        }
    }

    private static List<byte[]> flipped(List<byte[]> hashes, int element, Random random) {
        List<byte[]> copy = new ArrayList<>(hashes);
        copy.set(element, flip(hashes.get(element), random));
        return copy;
    }

    private static byte[] flip(byte[] hash, Random random) {
        byte[] copy = hash.clone();
        int bit = random.nextInt(copy.length * 8);
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
