package io.privacygate.audit.service.tree;

import io.privacygate.audit.model.LogEntry;
import io.privacygate.audit.model.NodeId;
import io.privacygate.audit.model.ProofBuilder;
import io.privacygate.audit.repository.LogEntryRepository;
import io.privacygate.audit.repository.MerkleNodeRepository;
import io.privacygate.audit.repository.TreeHeadRepository;
import io.privacygate.commons.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Reads the tree: entries, roots and proofs, each with one query for the O(log n) stored subtrees it needs.
 * The log only grows, so a size once seen stays valid: a request within it needs no query for the size,
 * and one beyond it reads the size afresh before it is refused.
 */
@ApplicationScoped
public class TreeService {
    private final Pool pool;
    private final TreeHeadRepository heads;
    private final LogEntryRepository entries;
    private final MerkleNodeRepository nodes;
    private final AtomicLong knownSize = new AtomicLong();

    TreeService(Pool pool, TreeHeadRepository heads, LogEntryRepository entries, MerkleNodeRepository nodes) {
        this.pool = pool;
        this.heads = heads;
        this.entries = entries;
        this.nodes = nodes;
    }

    /** The current tree size, read from the database. */
    public Uni<Long> size() {
        return heads.size(pool).invoke(size -> knownSize.accumulateAndGet(size, Math::max));
    }

    /** A size of at least {@code wanted} if the log has one, else the current size (below {@code wanted}). */
    Uni<Long> sizeFor(long wanted) {
        long known = knownSize.get();
        return wanted <= known ? Uni.createFrom().item(known) : size();
    }

    public Uni<LogEntry> entry(long index) {
        return sizeFor(index + 1).chain(size -> index >= size
                ? Uni.createFrom().failure(ProblemException.notFound("The log has no entry at that index."))
                : entries.find(pool, index).map(found -> found.orElseThrow(
                        () -> new IllegalStateException("Entry " + index + " is missing below the tree size"))));
    }

    /** The Merkle tree hash of the first {@code size} leaves; the caller has checked the size exists. */
    public Uni<byte[]> root(long size) {
        return read(ProofBuilder.rootNodes(size), found -> ProofBuilder.root(size, found::get));
    }

    public Uni<List<byte[]>> inclusion(long index, long treeSize) {
        return sizeFor(treeSize).chain(size -> {
            if (treeSize < 1 || treeSize > size) {
                throw ProblemException.invalidField("treeSize", "must be between 1 and the tree size, " + size);
            }
            if (index < 0 || index >= treeSize) {
                throw ProblemException.invalidField("index", "must be at least 0 and below treeSize");
            }
            return read(ProofBuilder.inclusionNodes(index, treeSize), found -> ProofBuilder.inclusion(index, treeSize, found::get));
        });
    }

    public Uni<List<byte[]>> consistency(long from, long to) {
        return sizeFor(to).chain(size -> {
            if (to < 0 || to > size) {
                throw ProblemException.invalidField("to", "must be between 0 and the tree size, " + size);
            }
            if (from < 0 || from > to) {
                throw ProblemException.invalidField("from", "must be between 0 and to");
            }
            return read(ProofBuilder.consistencyNodes(from, to), found -> ProofBuilder.consistency(from, to, found::get));
        });
    }

    private <T> Uni<T> read(Set<NodeId> needed, Function<Map<NodeId, byte[]>, T> compute) {
        return nodes.find(pool, needed).map(compute);
    }
}
