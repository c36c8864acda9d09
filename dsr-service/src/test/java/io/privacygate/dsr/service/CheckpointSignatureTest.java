package io.privacygate.dsr.service;

import io.privacygate.commons.tlog.MerkleProofs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's own check of audit-service's proofs (commons MerkleProofs, as the console uses it) and of its checkpoint
 * signature, against a tree built here by RFC 9162's definition.
 */
class CheckpointSignatureTest {

    /** MTH(D[n]) of RFC 9162 §2.1.1, recursively: the split is the largest power of two smaller than n. */
    static byte[] root(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return MerkleProofs.leafHash(leaves.get(0));
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleProofs.nodeHash(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
    }

    /** PATH(m, D[n]) of RFC 9162 §2.1.3.1. */
    static List<byte[]> path(int m, List<byte[]> leaves) {
        List<byte[]> proof = new ArrayList<>();
        if (leaves.size() <= 1) {
            return proof;
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        if (m < k) {
            proof.addAll(path(m, leaves.subList(0, k)));
            proof.add(root(leaves.subList(k, leaves.size())));
        } else {
            proof.addAll(path(m - k, leaves.subList(k, leaves.size())));
            proof.add(root(leaves.subList(0, k)));
        }
        return proof;
    }

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(("event " + i).getBytes(StandardCharsets.UTF_8));
        }
        return leaves;
    }

    @Test
    void leafAndNodeHashesCarryTheirDomainPrefix() {
        assertThat(MerkleProofs.leafHash(new byte[0])).asHexString()
                .isEqualToIgnoringCase("6E340B9CFFB37A989CA544E6BB780A2C78901D3FB33738768511A30617AFA01D");
    }

    @Test
    void acceptsEveryLeafOfTreesOfEverySizeUpToSeventeen() {
        for (int n = 1; n <= 17; n++) {
            List<byte[]> leaves = leaves(n);
            byte[] root = root(leaves);
            for (int m = 0; m < n; m++) {
                assertThat(MerkleProofs.inclusion(m, n, MerkleProofs.leafHash(leaves.get(m)), path(m, leaves), root))
                        .as("leaf %d of %d", m, n).isTrue();
            }
        }
    }

    @Test
    void refusesAnotherLeafAWrongIndexATamperedPathOrAnotherRoot() {
        List<byte[]> leaves = leaves(11);
        byte[] root = root(leaves);
        List<byte[]> proof = path(6, leaves);
        assertThat(MerkleProofs.inclusion(6, 11, MerkleProofs.leafHash(leaves.get(5)), proof, root)).isFalse();
        assertThat(MerkleProofs.inclusion(7, 11, MerkleProofs.leafHash(leaves.get(6)), proof, root)).isFalse();
        assertThat(MerkleProofs.inclusion(11, 11, MerkleProofs.leafHash(leaves.get(6)), proof, root)).isFalse();
        List<byte[]> tampered = new ArrayList<>(proof);
        byte[] first = tampered.get(0).clone();
        first[0] ^= 1;
        tampered.set(0, first);
        assertThat(MerkleProofs.inclusion(6, 11, MerkleProofs.leafHash(leaves.get(6)), tampered, root)).isFalse();
        assertThat(MerkleProofs.inclusion(6, 11, MerkleProofs.leafHash(leaves.get(6)), proof, root(leaves(12)))).isFalse();
        assertThat(MerkleProofs.inclusion(6, 11, MerkleProofs.leafHash(leaves.get(6)), proof.subList(0, 2), root)).isFalse();
    }

    @Test
    void checksACheckpointSignatureWithTheRawEd25519Key() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        String note = "privacy-gate/audit\n12\nq6BEmwmfdGQy3ANyKL4XNEy9vx61VMWDSKIgzx7Pj6o=\n";
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(note.getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();

        assertThat(CheckpointSignature.checkpointSigned(note, signature, raw)).isTrue();
        assertThat(CheckpointSignature.checkpointSigned(note.replace("12", "13"), signature, raw)).isFalse();
        assertThat(CheckpointSignature.checkpointSigned(note, signature, new byte[32])).isFalse();
    }
}
