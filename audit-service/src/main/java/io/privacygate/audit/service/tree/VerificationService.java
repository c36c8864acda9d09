package io.privacygate.audit.service.tree;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.privacygate.audit.api.VerificationReport;
import io.privacygate.audit.config.AuditConfig;
import io.privacygate.audit.model.Ed25519;
import io.privacygate.audit.model.NodeId;
import io.privacygate.audit.repository.CheckpointRepository;
import io.privacygate.audit.repository.LogEntryRepository;
import io.privacygate.audit.repository.MerkleNodeRepository;
import io.privacygate.audit.repository.TreeHeadRepository;
import io.privacygate.commons.crypto.KeyProvider;
import io.privacygate.commons.crypto.SigningKey;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recomputes the whole log from storage and checks it against every signed checkpoint. It reads in one
 * repeatable-read, read-only transaction, so appends may go on meanwhile without being half seen, and it
 * reads chunk by chunk, so memory stays bounded. Hashing runs on worker threads, off the event loop.
 */
@ApplicationScoped
public class VerificationService {
    private static final Logger LOG = Logger.getLogger(VerificationService.class);

    private final Pool pool;
    private final TreeHeadRepository heads;
    private final LogEntryRepository entries;
    private final MerkleNodeRepository nodes;
    private final CheckpointRepository checkpoints;
    private final KeyProvider keys;
    private final AuditConfig config;
    private final Counter failures;

    VerificationService(Pool pool, TreeHeadRepository heads, LogEntryRepository entries, MerkleNodeRepository nodes,
                        CheckpointRepository checkpoints, KeyProvider keys, AuditConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.heads = heads;
        this.entries = entries;
        this.nodes = nodes;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.config = config;
        this.failures = Counter.builder("privacygate.audit.verification.failures")
                .description("Full verifications that found the stored log altered").register(metrics);
    }

    public Uni<VerificationReport> verify() {
        return keys.signingKeys().map(VerificationService::publicKeys)
                .chain(publicKeys -> pool.withTransaction(transaction -> transaction
                        .query("set transaction isolation level repeatable read, read only").execute()
                        .chain(() -> heads.size(transaction))
                        .chain(size -> checkpoints.all(transaction)
                                .map(stored -> new TreeAudit(size, stored, publicKeys))
                                .chain(audit -> chunks(transaction, audit, 0, size)
                                        .chain(() -> entries.firstIndexFrom(transaction, size))
                                        .map(extra -> {
                                            extra.ifPresent(audit::extraEntry);
                                            return audit.report();
                                        })))))
                .invoke(report -> {
                    if (!report.valid()) {
                        failures.increment();
                        LOG.errorf("Audit log verification failed: %s", report.reason());
                    }
                });
    }

    private Uni<Void> chunks(SqlConnection transaction, TreeAudit audit, long from, long size) {
        if (from >= size || audit.broken()) {
            return Uni.createFrom().voidItem();
        }
        long to = Math.min(size, from + config.verification().chunkSize());
        return entries.range(transaction, from, to)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> audit.entries(from, to, rows))
                .chain(recomputed -> nodes.findRanges(transaction, ranges(recomputed.keySet()))
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .invoke(stored -> audit.compareNodes(recomputed, stored)))
                .chain(() -> chunks(transaction, audit, to, size));
    }

    /** The subtrees a chunk completes are consecutive at each level, so a range per level reads them all. */
    static List<MerkleNodeRepository.LevelRange> ranges(Collection<NodeId> nodes) {
        Map<Integer, long[]> byLevel = new TreeMap<>();
        for (NodeId node : nodes) {
            byLevel.merge(node.level(), new long[]{node.index(), node.index()},
                    (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        List<MerkleNodeRepository.LevelRange> ranges = new ArrayList<>();
        byLevel.forEach((level, range) -> ranges.add(new MerkleNodeRepository.LevelRange(level, range[0], range[1])));
        return ranges;
    }

    private static Map<String, PublicKey> publicKeys(List<SigningKey> signingKeys) {
        Map<String, PublicKey> byId = new HashMap<>();
        for (SigningKey key : signingKeys) {
            byId.put(key.keyId(), Ed25519.publicKey(Base64.getDecoder().decode(key.publicKey())));
        }
        return byId;
    }
}
