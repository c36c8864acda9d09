package io.privacygate.audit.service.tree;

import io.privacygate.audit.config.AuditConfig;
import io.privacygate.audit.model.Checkpoint;
import io.privacygate.audit.model.CheckpointNote;
import io.privacygate.audit.repository.CheckpointRepository;
import io.privacygate.audit.model.tlog.NoteSignature;
import io.privacygate.audit.model.tlog.SignedNote;
import io.privacygate.audit.model.tlog.VerifierKey;
import io.privacygate.commons.crypto.KeyProvider;
import io.privacygate.commons.crypto.KeyUnavailableException;
import io.privacygate.commons.crypto.SigningKey;
import io.privacygate.commons.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs tree heads. A checkpoint is made only when the tree has grown past the latest one, so the schedule
 * and on-demand calls never pile up identical heads, and replicas racing on one size keep a single row.
 */
@ApplicationScoped
public class CheckpointService {
    private static final Logger LOG = Logger.getLogger(CheckpointService.class);

    private final Pool pool;
    private final TreeService tree;
    private final CheckpointRepository checkpoints;
    private final KeyProvider keys;
    private final AuditConfig config;
    /**
     * Public keys by key id. A key id names one key version for good, so an entry never goes stale; the public
     * {@code GET /checkpoint} then costs no call to Vault.
     */
    private final Map<String, byte[]> publicKeys = new ConcurrentHashMap<>();

    private final WitnessService witnesses;

    CheckpointService(Pool pool, TreeService tree, CheckpointRepository checkpoints, KeyProvider keys, AuditConfig config,
                      WitnessService witnesses) {
        this.pool = pool;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.config = config;
        this.witnesses = witnesses;
    }

    /**
     * The checkpoint of the current tree: a new one if the tree grew since the latest, else the latest; either way
     * submitted to the witnesses that have not cosigned it yet, so a witness that was down is asked again.
     */
    public Uni<Issued> checkpoint() {
        return issue().call(issued -> logNote(issued.checkpoint())
                .chain(note -> witnesses.cosign(issued.checkpoint(), note)));
    }

    private Uni<Issued> issue() {
        return tree.size().chain(size -> checkpoints.latest(pool).chain(latest -> {
            if (latest.isPresent() && latest.get().treeSize() >= size) {
                return Uni.createFrom().item(new Issued(latest.get(), false));
            }
            return sign(size).chain(signed -> checkpoints.insert(pool, signed)
                    .chain(inserted -> checkpoints.bySize(pool, size)
                            .map(stored -> new Issued(stored.orElseThrow(), inserted))));
        })).invoke(issued -> {
            if (issued.created()) {
                LOG.infof("Signed checkpoint at tree size %d with key %s", issued.checkpoint().treeSize(), issued.checkpoint().keyId());
            }
        });
    }

    /**
     * The latest published checkpoint: the latest signed one, or with witnesses configured, the latest that the quorum
     * of them has cosigned (c2sp.org/tlog-witness), so that no one is shown a head the witnesses have not seen.
     */
    public Uni<Checkpoint> latest() {
        return checkpoints.latestCosigned(pool, witnesses.quorum()).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("No checkpoint has been published yet.")));
    }

    /**
     * The signing keys, oldest first, each with its C2SP verifier key and when it signed. The key name is the origin,
     * as c2sp.org/tlog-checkpoint recommends for the log's own signature; the key hash then tells apart the keys of a
     * rotation. Every key stays listed after it is replaced: the checkpoints it signed must keep verifying.
     */
    public Uni<List<PublishedKey>> keys() {
        return keys.signingKeys().chain(signing -> checkpoints.useByKey(pool).map(uses -> {
            List<PublishedKey> published = new ArrayList<>(signing.size());
            for (int i = 0; i < signing.size(); i++) {
                SigningKey key = signing.get(i);
                boolean current = i == signing.size() - 1;
                CheckpointRepository.KeyUse use = uses.get(key.keyId());
                published.add(new PublishedKey(key, new VerifierKey(config.checkpoint().origin(),
                        Base64.getDecoder().decode(key.publicKey())), current,
                        use == null ? null : use.firstSigned(), current || use == null ? null : use.lastSigned()));
            }
            return published;
        }));
    }

    /**
     * The checkpoint as a C2SP signed note: its stored text, one Ed25519 signature line by the key that signed it,
     * named after the note's own origin line, and the witnesses' cosignature lines.
     */
    public Uni<SignedNote> signedNote(Checkpoint checkpoint) {
        if (witnesses.quorum() == 0) {
            return logNote(checkpoint);
        }
        return logNote(checkpoint).chain(note -> checkpoints.cosignatures(pool, checkpoint.treeSize())
                .map(lines -> note.with(lines.stream().map(NoteSignature::parse).toList())));
    }

    /** The note with the log's own signature line only, as it is submitted to witnesses. */
    private Uni<SignedNote> logNote(Checkpoint checkpoint) {
        String origin = CheckpointNote.parse(checkpoint.note()).origin();
        return publicKey(checkpoint.keyId()).map(key -> SignedNote.of(checkpoint.note(),
                NoteSignature.by(new VerifierKey(origin, key), checkpoint.signature())));
    }

    private Uni<byte[]> publicKey(String keyId) {
        byte[] known = publicKeys.get(keyId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return keys.signingKeys().map(signing -> {
            signing.forEach(key -> publicKeys.put(key.keyId(), Base64.getDecoder().decode(key.publicKey())));
            byte[] found = publicKeys.get(keyId);
            if (found == null) {
                throw new KeyUnavailableException("The key that signed a checkpoint is no longer published.", null);
            }
            return found;
        });
    }

    private Uni<Checkpoint> sign(long size) {
        return tree.root(size).chain(root -> {
            String note = new CheckpointNote(config.checkpoint().origin(), size, root).text();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            return keys.sign(note.getBytes(StandardCharsets.UTF_8))
                    .map(signature -> new Checkpoint(size, root, now, note, signature.signature(), signature.keyId()));
        });
    }

    /** A signing key as the key provider publishes it, and the same key as a note verifier. */
    /**
     * A key with its validity: the one that signs now is {@code current}; {@code validFrom} and {@code validUntil}
     * are its first and last checkpoint (null where it signed none, and no end while it is current).
     */
    public record PublishedKey(SigningKey key, VerifierKey verifier, boolean current, Instant validFrom,
                               Instant validUntil) {
    }

    /** A checkpoint, and whether this call signed it. */
    public record Issued(Checkpoint checkpoint, boolean created) {
    }
}
