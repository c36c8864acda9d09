package io.privacygate.audit.service.append;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.privacygate.audit.api.AppendResult;
import io.privacygate.audit.model.CompactRange;
import io.privacygate.audit.model.MerkleHash;
import io.privacygate.audit.model.NodeId;
import io.privacygate.audit.model.ProofBuilder;
import io.privacygate.audit.repository.LogEntryRepository;
import io.privacygate.audit.repository.MerkleNodeRepository;
import io.privacygate.audit.repository.StoredEntry;
import io.privacygate.audit.repository.TreeHeadRepository;
import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends batches to the log. Screening, canonical encoding and leaf hashing happen before the lock; under
 * it (one transaction per batch) the service reads only the O(log n) subtrees on the tree's right edge,
 * computes every new subtree in memory and writes leaves and subtrees with one statement each.
 * <p>
 * Transactions use the reactive SQL client directly rather than Hibernate Reactive: the append is a row
 * lock plus set-based inserts of bytea arrays, with no entity per leaf or subtree (docs/decisions/0020).
 */
@ApplicationScoped
public class AppendService {
    private final Pool pool;
    private final TreeHeadRepository heads;
    private final LogEntryRepository entries;
    private final MerkleNodeRepository nodes;
    private final Counter appended;

    AppendService(Pool pool, TreeHeadRepository heads, LogEntryRepository entries, MerkleNodeRepository nodes,
                  MeterRegistry metrics) {
        this.pool = pool;
        this.heads = heads;
        this.entries = entries;
        this.nodes = nodes;
        this.appended = Counter.builder("privacygate.audit.events.appended")
                .description("Events appended to the log (retries of known events not counted)").register(metrics);
    }

    /**
     * Appends the events not yet in the log, in order. Idempotent by eventId: an event already appended with
     * the same content gets its first index again; the same eventId with other content is a 409 and nothing
     * of the batch is appended.
     */
    public Uni<AppendResult> append(List<AuditEvent> events) {
        return Uni.createFrom().item(() -> candidates(events))
                .chain(batch -> pool.withTransaction(transaction -> appendLocked(transaction, batch)))
                .invoke(result -> appended.increment(appendedCount(result)));
    }

    /**
     * Appends within the caller's transaction, so that a change and the entry recording it commit together or
     * not at all (the breach register audits itself this way). Takes the same lock as any other append.
     */
    public Uni<AppendResult> appendWithin(SqlConnection transaction, List<AuditEvent> events) {
        return Uni.createFrom().item(() -> candidates(events))
                .chain(batch -> appendLocked(transaction, batch))
                .invoke(result -> appended.increment(appendedCount(result)));
    }

    private static long appendedCount(AppendResult result) {
        return result.events().stream().filter(AppendResult.AppendedEvent::appended).count();
    }

    private static List<Candidate> candidates(List<AuditEvent> events) {
        List<byte[]> leaves = EventScreen.admit(events);
        List<Candidate> candidates = new ArrayList<>(events.size());
        Map<String, Candidate> byEventId = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            AuditEvent event = events.get(i);
            Candidate candidate = new Candidate(i, event.eventId(), event.subjectRef(), leaves.get(i), MerkleHash.leaf(leaves.get(i)));
            Candidate first = byEventId.putIfAbsent(event.eventId(), candidate);
            if (first != null && !Arrays.equals(first.leafHash(), candidate.leafHash())) {
                throw conflict(i);
            }
            candidates.add(candidate);
        }
        return candidates;
    }

    private Uni<AppendResult> appendLocked(SqlConnection transaction, List<Candidate> batch) {
        List<String> eventIds = batch.stream().map(Candidate::eventId).distinct().toList();
        return heads.lockSize(transaction)
                .chain(size -> entries.findByEventIds(transaction, eventIds)
                        .chain(existing -> {
                            Map<String, Long> indexes = new LinkedHashMap<>();
                            List<Candidate> fresh = new ArrayList<>();
                            for (Candidate candidate : batch) {
                                StoredEntry stored = existing.get(candidate.eventId());
                                if (stored != null && !Arrays.equals(stored.leafHash(), candidate.leafHash())) {
                                    throw conflict(candidate.position());
                                }
                                if (stored != null) {
                                    indexes.putIfAbsent(candidate.eventId(), stored.index());
                                } else if (!indexes.containsKey(candidate.eventId())) {
                                    indexes.put(candidate.eventId(), size + fresh.size());
                                    fresh.add(candidate);
                                }
                            }
                            Uni<Long> written = fresh.isEmpty() ? Uni.createFrom().item(size) : write(transaction, size, fresh);
                            return written.map(newSize -> result(batch, existing, indexes, newSize));
                        }));
    }

    private Uni<Long> write(SqlConnection transaction, long size, List<Candidate> fresh) {
        List<NodeId> edge = CompactRange.edge(size);
        return nodes.find(transaction, edge).chain(stored -> {
            List<byte[]> edgeHashes = new ArrayList<>(edge.size());
            for (NodeId id : edge) {
                byte[] hash = stored.get(id);
                if (hash == null) {
                    throw new ProofBuilder.MissingNodeException(id);
                }
                edgeHashes.add(hash);
            }
            CompactRange tree = CompactRange.resume(size, edgeHashes);
            Map<NodeId, byte[]> completed = new LinkedHashMap<>();
            List<StoredEntry> rows = new ArrayList<>(fresh.size());
            for (Candidate candidate : fresh) {
                rows.add(new StoredEntry(tree.size(), candidate.eventId(), candidate.subjectRef(), candidate.leaf(), candidate.leafHash()));
                tree.append(candidate.leafHash(), (id, hash) -> {
                    if (id.level() > 0) {
                        completed.put(id, hash);
                    }
                });
            }
            return entries.insertAll(transaction, rows)
                    .chain(() -> nodes.insertAll(transaction, completed))
                    .chain(() -> heads.setSize(transaction, tree.size()))
                    .replaceWith(tree.size());
        });
    }

    private static AppendResult result(List<Candidate> batch, Map<String, StoredEntry> existing, Map<String, Long> indexes,
                                       long treeSize) {
        List<AppendResult.AppendedEvent> events = new ArrayList<>(batch.size());
        Set<String> reported = new HashSet<>();
        for (Candidate candidate : batch) {
            boolean isNew = !existing.containsKey(candidate.eventId()) && reported.add(candidate.eventId());
            events.add(new AppendResult.AppendedEvent(candidate.eventId(), indexes.get(candidate.eventId()), isNew));
        }
        return new AppendResult(treeSize, events);
    }

    private static ProblemException conflict(int position) {
        return new ProblemException(ProblemType.CONFLICT, "An event with this eventId was appended with other content; "
                + "none of the batch was appended.",
                List.of(new Problem.FieldError("events[" + position + "].eventId", "was used before for a different event")), null);
    }

    /** An event ready to append: its canonical bytes and leaf hash, and where it was in the request. */
    private record Candidate(int position, String eventId, String subjectRef, byte[] leaf, byte[] leafHash) {
    }
}
