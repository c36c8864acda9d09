package io.privacygate.dsr.repository;

import io.privacygate.dsr.model.DsrTask;
import io.privacygate.dsr.model.TaskStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class DsrTaskRepository implements PanacheRepositoryBase<DsrTask, UUID> {
    private final Pool pool;

    DsrTaskRepository(Pool pool) {
        this.pool = pool;
    }

    /** Tasks that gave up and wait for an operator. */
    public Uni<Long> countFailed() {
        return count("status", TaskStatus.FAILED);
    }

    public Uni<List<DsrTask>> findByRequest(UUID requestId) {
        return list("requestId = ?1 order by createdAt, step, participant", requestId);
    }

    /**
     * Leases due tasks to this worker, in one statement. A task is due when it is pending and its backoff
     * has passed, or when it is running under a lease that expired (its worker stopped mid-call). RESOLVE
     * runs before verification; every other step only once the request is verified and its subject known,
     * since nothing is fanned out before that (Art. 12(6)); UNRESTRICT lifts the restriction a completed request
     * set (Art. 18(3)). SKIP LOCKED lets replicas share the work.
     */
    public Uni<List<UUID>> claim(int limit, Duration lease) {
        return pool.preparedQuery("""
                        update dsr_task set status = 'RUNNING', attempts = attempts + 1,
                               lease_until = now() + make_interval(secs => $1)
                        where id in (
                            select t.id from dsr_task t join dsr_request r on r.id = t.request_id
                            where ((t.status = 'PENDING' and t.next_attempt_at <= now())
                                   or (t.status = 'RUNNING' and t.lease_until < now()))
                              and ((t.step = 'RESOLVE' and r.status in ('RECEIVED', 'VERIFIED'))
                                   or (t.step = 'UNRESTRICT' and r.status = 'COMPLETED' and r.subject_id is not null)
                                   or (t.step not in ('RESOLVE', 'UNRESTRICT') and r.status in ('VERIFIED', 'IN_PROGRESS')
                                       and r.subject_id is not null))
                            order by t.next_attempt_at
                            limit $2
                            for update of t skip locked)
                        returning id""")
                .execute(Tuple.of(lease.toMillis() / 1000.0, limit))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                    }
                    return ids;
                });
    }

    public Uni<Integer> cancelOpen(UUID requestId) {
        return update("status = ?1, leaseUntil = null where requestId = ?2 and status in ?3", TaskStatus.CANCELLED,
                requestId, List.of(TaskStatus.PENDING, TaskStatus.RUNNING, TaskStatus.FAILED));
    }

    /** Exported data is dropped once it is in the package: one encrypted copy is enough. */
    public Uni<Integer> dropExportedData(UUID requestId) {
        return update("resultEncrypted = null where requestId = ?1", requestId);
    }
}
