package io.privacygate.commons.tlog;

import io.privacygate.testing.MerkleVectors;
import io.privacygate.testing.MerkleVectors.Consistency;
import io.privacygate.testing.MerkleVectors.Inclusion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.privacygate.testing.MerkleVectors.bytes;
import static io.privacygate.testing.MerkleVectors.root;
import static org.assertj.core.api.Assertions.assertThat;

/** The verifier against the Certificate Transparency reference vectors, and against every way to bend them. */
class MerkleProofsTest {

    private static byte[] leafHash(long index) {
        return MerkleProofs.leafHash(MerkleVectors.leaf(index));
    }

    private static List<byte[]> with(List<byte[]> hashes, int index, byte[] replacement) {
        List<byte[]> changed = new ArrayList<>(hashes);
        changed.set(index, replacement);
        return changed;
    }

    @Test
    void hashesAsRfc6962() {
        assertThat(MerkleProofs.emptyRoot()).isEqualTo(bytes(MerkleVectors.EMPTY_ROOT));
        assertThat(leafHash(0)).isEqualTo(root(1));
        assertThat(MerkleProofs.nodeHash(leafHash(0), leafHash(1))).isEqualTo(root(2));
        assertThat(MerkleProofs.nodeHash(root(2), leafHash(2))).isEqualTo(root(3));
    }

    @Test
    void everyReferenceInclusionPathLeadsToItsRoot() {
        for (Inclusion vector : MerkleVectors.INCLUSIONS) {
            List<byte[]> path = bytes(vector.path());
            assertThat(MerkleProofs.rootFromInclusionProof(vector.index(), vector.size(), leafHash(vector.index()), path))
                    .as("leaf %d of %d", vector.index(), vector.size()).hasValue(root(vector.size()));
            assertThat(MerkleProofs.inclusion(vector.index(), vector.size(), leafHash(vector.index()), path, root(vector.size())))
                    .isTrue();
        }
    }

    @Test
    void inclusionRefusesAnotherLeafIndexSizeOrPath() {
        List<byte[]> path = bytes(MerkleVectors.INCLUSIONS.get(0).path());
        assertThat(MerkleProofs.inclusion(0, 8, leafHash(1), path, root(8))).isFalse();
        assertThat(MerkleProofs.inclusion(1, 8, leafHash(0), path, root(8))).isFalse();
        assertThat(MerkleProofs.inclusion(0, 4, leafHash(0), path, root(8))).isFalse();
        assertThat(MerkleProofs.inclusion(0, 8, leafHash(0), path, root(7))).isFalse();
        assertThat(MerkleProofs.inclusion(8, 8, leafHash(0), path, root(8))).isFalse();
        assertThat(MerkleProofs.inclusion(-1, 8, leafHash(0), path, root(8))).isFalse();
        assertThat(MerkleProofs.inclusion(0, 8, leafHash(0), with(path, 1, root(2)), root(8))).isFalse();
        assertThat(MerkleProofs.rootFromInclusionProof(0, 8, leafHash(0), path.subList(0, 2))).isEmpty();
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(root(1));
        assertThat(MerkleProofs.rootFromInclusionProof(0, 8, leafHash(0), longer)).isEmpty();
    }

    @Test
    void everyReferenceConsistencyProofLinksItsRoots() {
        for (Consistency vector : MerkleVectors.CONSISTENCIES) {
            assertThat(MerkleProofs.consistency(vector.first(), vector.second(), root(vector.first()), root(vector.second()),
                    bytes(vector.proof()))).as("%d to %d", vector.first(), vector.second()).isTrue();
        }
        assertThat(MerkleProofs.consistency(0, 8, MerkleProofs.emptyRoot(), root(8), List.of())).isTrue();
    }

    @Test
    void consistencyRefusesAForkOrAMalformedProof() {
        List<byte[]> proof = bytes(MerkleVectors.CONSISTENCIES.get(2).proof());
        assertThat(MerkleProofs.consistency(6, 8, root(6), root(8), proof)).isTrue();
        assertThat(MerkleProofs.consistency(6, 8, root(5), root(8), proof)).isFalse();
        assertThat(MerkleProofs.consistency(6, 8, root(6), root(7), proof)).isFalse();
        assertThat(MerkleProofs.consistency(6, 16, root(6), root(8), proof)).isFalse();
        assertThat(MerkleProofs.consistency(6, 8, root(6), root(8), proof.subList(0, 2))).isFalse();
        assertThat(MerkleProofs.consistency(6, 8, root(6), root(8), with(proof, 0, root(1)))).isFalse();
        assertThat(MerkleProofs.consistency(8, 6, root(8), root(6), proof)).isFalse();
        assertThat(MerkleProofs.consistency(2, 5, root(2), root(5), List.of())).isFalse();
        assertThat(MerkleProofs.consistency(1, 1, root(1), root(2), List.of())).isFalse();
        assertThat(MerkleProofs.consistency(0, 8, MerkleProofs.emptyRoot(), root(8), proof)).isFalse();
        assertThat(MerkleProofs.consistency(-1, 8, MerkleProofs.emptyRoot(), root(8), List.of())).isFalse();
    }
}
