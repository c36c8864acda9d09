package io.privacygate.audit.service.tree;

import io.privacygate.audit.client.WitnessClient;
import io.privacygate.audit.config.AuditConfig;
import io.privacygate.audit.model.Checkpoint;
import io.privacygate.audit.repository.CheckpointRepository;
import io.privacygate.audit.model.tlog.CosignerKey;
import io.privacygate.audit.model.tlog.NoteSignature;
import io.privacygate.audit.model.tlog.SignedNote;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the configured witnesses to cosign a checkpoint (c2sp.org/tlog-witness) and keeps the cosignatures that verify,
 * so that nobody, the controller included, can show different logs to different people unnoticed. Cosigning is per
 * checkpoint, never per event. A witness that fails is logged and asked again with the next checkpoint.
 */
@ApplicationScoped
@Startup // made at start, so that a malformed witness key or an impossible quorum stops the start, not the first checkpoint
public class WitnessService {
    private static final Logger LOG = Logger.getLogger(WitnessService.class);

    private final Pool pool;
    private final TreeService tree;
    private final CheckpointRepository checkpoints;
    private final WitnessClient client;
    private final Map<String, Configured> witnesses = new TreeMap<>();
    private final int quorum;
    /** The size each witness last cosigned, as far as we know; a 409 tells the truth. */
    private final Map<String, Long> cosignedSize = new ConcurrentHashMap<>();

    private record Configured(URI url, CosignerKey key) {
    }

    WitnessService(Pool pool, TreeService tree, CheckpointRepository checkpoints, WitnessClient client, AuditConfig config) {
        this.pool = pool;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.client = client;
        config.witnesses().forEach((name, witness) -> witnesses.put(name, new Configured(witness.url(), CosignerKey.parse(witness.key()))));
        if (!witnesses.isEmpty() && config.witnessPolicy().quorum() > witnesses.size()) {
            throw new IllegalStateException("privacy-gate.audit.witness-policy.quorum is larger than the number of witnesses");
        }
        this.quorum = witnesses.isEmpty() ? 0 : config.witnessPolicy().quorum();
    }

    /** How many witnesses must have cosigned a checkpoint before it is published; 0 without witnesses. */
    public int quorum() {
        return quorum;
    }

    /** Submits the checkpoint to every witness that has not cosigned it yet, and stores what comes back verified. */
    public Uni<Void> cosign(Checkpoint checkpoint, SignedNote note) {
        if (witnesses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return checkpoints.cosignatures(pool, checkpoint.treeSize()).chain(existing -> {
            List<Uni<Void>> submissions = new ArrayList<>();
            witnesses.forEach((name, witness) -> {
                boolean done = existing.stream().anyMatch(line -> isBy(line, witness.key()));
                if (!done) {
                    submissions.add(submit(name, witness, checkpoint, note, 1));
                }
            });
            return submissions.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(submissions).andCollectFailures().replaceWithVoid();
        });
    }

    private Uni<Void> submit(String name, Configured witness, Checkpoint checkpoint, SignedNote note, int retries) {
        long old = Math.min(cosignedSize.getOrDefault(name, 0L), checkpoint.treeSize());
        return body(old, checkpoint.treeSize(), note)
                .chain(body -> client.addCheckpoint(witness.url(), body))
                .chain(answer -> {
                    if (answer.status() == 200) {
                        return accept(name, witness, checkpoint, note, answer.body());
                    }
                    Optional<Long> theirs = answer.status() == 409 ? size(answer.body()) : Optional.empty();
                    if (theirs.isPresent() && theirs.get() <= checkpoint.treeSize() && retries > 0) {
                        cosignedSize.put(name, theirs.get());
                        return submit(name, witness, checkpoint, note, retries - 1);
                    }
                    LOG.warnf("Witness %s refused the checkpoint of size %d: HTTP %d", name, checkpoint.treeSize(), answer.status());
                    return Uni.createFrom().voidItem();
                })
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Witness %s could not be asked to cosign the checkpoint of size %d: %s", name,
                            checkpoint.treeSize(), failure.getClass().getSimpleName());
                    return Uni.createFrom().voidItem();
                });
    }

    /** c2sp.org/tlog-witness: "old <size>", the consistency proof from that size, a blank line, the checkpoint. */
    private Uni<String> body(long old, long size, SignedNote note) {
        Uni<List<byte[]>> proof = old == 0 ? Uni.createFrom().item(List.of()) : tree.consistency(old, size);
        return proof.map(hashes -> {
            StringBuilder body = new StringBuilder("old ").append(old).append('\n');
            hashes.forEach(hash -> body.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
            return body.append('\n').append(note.format()).toString();
        });
    }

    /** Keeps the witness's lines that are its cosignature of exactly this note; others are ignored, as the spec asks. */
    private Uni<Void> accept(String name, Configured witness, Checkpoint checkpoint, SignedNote note, String body) {
        for (String line : body.split("\n")) {
            NoteSignature signature;
            try {
                signature = NoteSignature.parse(line);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (signature.isBy(witness.key()) && witness.key().verifies(note.textBytes(), signature.signature())) {
                cosignedSize.put(name, checkpoint.treeSize());
                return checkpoints.insertCosignature(pool, checkpoint.treeSize(), name, signature.line().strip());
            }
        }
        LOG.warnf("Witness %s answered no valid cosignature of the checkpoint of size %d", name, checkpoint.treeSize());
        return Uni.createFrom().voidItem();
    }

    private static boolean isBy(String line, CosignerKey key) {
        try {
            return NoteSignature.parse(line).isBy(key);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A 409's body: the witness's latest size in decimal and a newline. */
    private static Optional<Long> size(String body) {
        String size = body.strip();
        return size.matches("0|[1-9][0-9]{0,18}") ? Optional.of(Long.parseLong(size)) : Optional.empty();
    }
}
