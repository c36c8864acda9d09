package io.privacygate.audit.service.tree;

import io.privacygate.audit.api.VerificationReport;
import io.privacygate.audit.model.Checkpoint;
import io.privacygate.audit.model.CheckpointNote;
import io.privacygate.audit.model.CompactRange;
import io.privacygate.audit.model.Ed25519;
import io.privacygate.audit.model.LeafCodec;
import io.privacygate.audit.model.MerkleHash;
import io.privacygate.audit.model.NodeId;
import io.privacygate.audit.repository.StoredEntry;
import io.privacygate.commons.audit.AuditEvent;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One full verification, fed the log chunk by chunk in index order. The tree is recomputed from the leaf
 * bytes alone; stored leaf hashes, subtrees and lookup columns are then compared with the recomputation,
 * and every signed checkpoint is checked (signature, note, and root at its size). Pure: it does no I/O.
 */
final class TreeAudit {
    private final long treeSize;
    private final List<Checkpoint> checkpoints;
    private final CompactRange recomputed = CompactRange.empty();
    /** Stored leaves and subtrees that differ from the recomputation. */
    private final Set<NodeId> differing = new HashSet<>();
    private int nextCheckpoint;
    private Long firstBadIndex;
    private String badIndexReason;
    private Long failedCheckpoint;
    private String checkpointReason;
    private boolean broken;

    /** @param checkpoints every stored checkpoint, smallest tree first */
    TreeAudit(long treeSize, List<Checkpoint> checkpoints, Map<String, PublicKey> keys) {
        this.treeSize = treeSize;
        this.checkpoints = checkpoints;
        for (Checkpoint checkpoint : checkpoints) {
            String problem = signatureProblem(checkpoint, keys);
            if (problem != null) {
                checkpointFailed(checkpoint, problem);
            }
            if (checkpoint.treeSize() > treeSize) {
                checkpointFailed(checkpoint, "it covers more entries than the log holds");
                badIndex(treeSize, "entries from " + treeSize + " on are missing: a signed checkpoint covers them");
            }
        }
        checkRootsAtCurrentSize();
    }

    /** Whether recomputation had to stop (a missing entry): later chunks cannot be checked. */
    boolean broken() {
        return broken;
    }

    /**
     * Takes the stored entries of {@code [from, to)} and answers the subtrees above the leaves that they
     * complete, recomputed, for {@link #compareNodes} to check against storage.
     */
    Map<NodeId, byte[]> entries(long from, long to, List<StoredEntry> rows) {
        Map<NodeId, byte[]> completed = new HashMap<>();
        long expected = from;
        for (StoredEntry row : rows) {
            if (row.index() != expected) {
                break;
            }
            byte[] leafHash = MerkleHash.leaf(row.leafData());
            String problem = rowProblem(row, leafHash);
            if (problem != null) {
                badIndex(row.index(), problem);
            }
            if (!Arrays.equals(leafHash, row.leafHash())) {
                differing.add(new NodeId(0, row.index()));
            }
            recomputed.append(leafHash, (id, hash) -> {
                if (id.level() > 0) {
                    completed.put(id, hash);
                }
            });
            checkRootsAtCurrentSize();
            expected++;
        }
        if (expected < to) {
            badIndex(expected, "entry " + expected + " is missing");
            broken = true;
            while (nextCheckpoint < checkpoints.size()) {
                checkpointFailed(checkpoints.get(nextCheckpoint++), "the log cannot be recomputed up to its size");
            }
        }
        return completed;
    }

    /**
     * Compares recomputed subtrees with the stored ones, lowest level first. A stored subtree that differs
     * although both its children match storage was itself altered, and is reported by its first leaf; one
     * above an altered leaf or subtree differs as a consequence, and is only passed on upwards.
     */
    void compareNodes(Map<NodeId, byte[]> recomputedNodes, Map<NodeId, byte[]> stored) {
        recomputedNodes.keySet().stream()
                .sorted(Comparator.comparingInt(NodeId::level).thenComparingLong(NodeId::index))
                .forEach(id -> {
                    byte[] storedHash = stored.get(id);
                    if (Arrays.equals(recomputedNodes.get(id), storedHash)) {
                        return;
                    }
                    boolean explainedBelow = differing.contains(new NodeId(id.level() - 1, 2 * id.index()))
                            || differing.contains(new NodeId(id.level() - 1, 2 * id.index() + 1));
                    differing.add(id);
                    if (!explainedBelow) {
                        badIndex(id.firstLeaf(), "the stored subtree hash at level " + id.level() + ", index " + id.index()
                                + (storedHash == null ? " is missing" : " differs from the one recomputed from its leaves"));
                    }
                });
    }

    /** A row at or beyond the tree size, which no append wrote. */
    void extraEntry(long index) {
        badIndex(index, "entry " + index + " lies beyond the tree size " + treeSize);
    }

    VerificationReport report() {
        boolean valid = firstBadIndex == null && failedCheckpoint == null;
        String reason = firstBadIndex != null ? badIndexReason : checkpointReason;
        return new VerificationReport(valid, treeSize, firstBadIndex, failedCheckpoint, checkpoints.size(), reason);
    }

    private void checkRootsAtCurrentSize() {
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize() <= recomputed.size()) {
            Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
            if (checkpoint.treeSize() == recomputed.size() && !Arrays.equals(checkpoint.rootHash(), recomputed.root())) {
                checkpointFailed(checkpoint, "its root hash differs from the root recomputed from the stored entries");
            }
        }
    }

    private static String rowProblem(StoredEntry row, byte[] leafHash) {
        if (!Arrays.equals(leafHash, row.leafHash())) {
            return "entry " + row.index() + ": its data does not match its stored leaf hash";
        }
        try {
            AuditEvent event = LeafCodec.decode(row.leafData());
            if (!Objects.equals(event.eventId(), row.eventId()) || !Objects.equals(event.subjectRef(), row.subjectRef())) {
                return "entry " + row.index() + ": its lookup columns do not match its data";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "entry " + row.index() + ": its data is not an event";
        }
    }

    private static String signatureProblem(Checkpoint checkpoint, Map<String, PublicKey> keys) {
        CheckpointNote note;
        try {
            note = CheckpointNote.parse(checkpoint.note());
        } catch (IllegalArgumentException e) {
            return "its note is malformed";
        }
        if (note.treeSize() != checkpoint.treeSize() || !Arrays.equals(note.rootHash(), checkpoint.rootHash())) {
            return "its note does not state its tree size and root hash";
        }
        PublicKey key = keys.get(checkpoint.keyId());
        if (key == null) {
            return "it is signed by a key the key provider does not hold";
        }
        if (!Ed25519.verifies(key, checkpoint.note().getBytes(StandardCharsets.UTF_8), checkpoint.signature())) {
            return "its signature does not verify";
        }
        return null;
    }

    private void badIndex(long index, String reason) {
        if (firstBadIndex == null || index < firstBadIndex) {
            firstBadIndex = index;
            badIndexReason = reason;
        }
    }

    private void checkpointFailed(Checkpoint checkpoint, String reason) {
        if (failedCheckpoint == null || checkpoint.treeSize() < failedCheckpoint) {
            failedCheckpoint = checkpoint.treeSize();
            checkpointReason = "checkpoint at tree size " + checkpoint.treeSize() + ": " + reason;
        }
    }
}
