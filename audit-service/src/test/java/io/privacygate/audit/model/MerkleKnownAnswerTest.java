package io.privacygate.audit.model;

import io.privacygate.testing.MerkleVectors;
import io.privacygate.testing.MerkleVectors.Consistency;
import io.privacygate.testing.MerkleVectors.Inclusion;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static io.privacygate.testing.MerkleVectors.EMPTY_ROOT;
import static io.privacygate.testing.MerkleVectors.LEAVES;
import static io.privacygate.testing.MerkleVectors.ROOTS;
import static org.assertj.core.api.Assertions.assertThat;

/** The proof builder and the running tree against the Certificate Transparency reference answers. */
class MerkleKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    private static TestTrees tree(long size) {
        TestTrees tree = new TestTrees();
        LEAVES.subList(0, (int) size).forEach(leaf -> tree.append(HEX.parseHex(leaf)));
        return tree;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @Test
    void emptyTreeIsTheHashOfNothing() {
        assertThat(HEX.formatHex(MerkleHash.empty())).isEqualTo(EMPTY_ROOT);
        assertThat(CompactRange.empty().root()).isEqualTo(MerkleHash.empty());
        assertThat(ProofBuilder.root(0, id -> null)).isEqualTo(MerkleHash.empty());
    }

    @Test
    void oneLeafIsItsLeafHash() {
        assertThat(HEX.formatHex(MerkleHash.leaf(new byte[0]))).isEqualTo(ROOTS.get(0));
        assertThat(HEX.formatHex(tree(1).range.root())).isEqualTo(ROOTS.get(0));
    }

    @Test
    void rootsOfOneToEightLeaves() {
        for (int size = 1; size <= 8; size++) {
            TestTrees tree = tree(size);
            assertThat(HEX.formatHex(tree.range.root())).as("size %d", size).isEqualTo(ROOTS.get(size - 1));
            assertThat(HEX.formatHex(ProofBuilder.root(size, tree::node))).as("size %d", size).isEqualTo(ROOTS.get(size - 1));
        }
    }

    @Test
    void sevenLeafTreeMatchesTheReference() {
        TestTrees tree = tree(7);
        assertThat(tree.range.root()).isEqualTo(MerkleVectors.root(7)).isEqualTo(ReferenceMerkle.mth(tree.leaves));
    }

    @Test
    void inclusionPaths() {
        for (Inclusion vector : MerkleVectors.INCLUSIONS) {
            assertThat(hex(ProofBuilder.inclusion(vector.index(), vector.size(), tree(vector.size())::node)))
                    .as("leaf %d of %d", vector.index(), vector.size()).containsExactlyElementsOf(vector.path());
        }
    }

    @Test
    void consistencyProofs() {
        for (Consistency vector : MerkleVectors.CONSISTENCIES) {
            assertThat(hex(ProofBuilder.consistency(vector.first(), vector.second(), tree(vector.second())::node)))
                    .as("%d to %d", vector.first(), vector.second()).containsExactlyElementsOf(vector.proof());
        }
    }
}
