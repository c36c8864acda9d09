package io.privacygate.dsr.repository;

import io.privacygate.commons.web.PageRequest;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.Outcome;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.model.TaskStatus;
import io.privacygate.dsr.model.TaskStep;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class DsrRequestRepository implements PanacheRepositoryBase<DsrRequest, UUID> {

    /** The request, locked until the end of the transaction: changes to one request happen one at a time. */
    public Uni<DsrRequest> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * The request a caller filed under an idempotency key, after taking a lock on the pair so that two
     * concurrent retries cannot both create one.
     */
    public Uni<DsrRequest> lockAndFindByIdempotencyKey(String filedBy, String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "select pg_advisory_xact_lock(hashtextextended(:key, 0))::text")
                        .setParameter("key", filedBy + "\n" + key).getSingleResult())
                .chain(() -> find("filedBy = ?1 and idempotencyKey = ?2", filedBy, key).firstResult());
    }

    public Uni<List<DsrRequest>> page(RequestFilter filter, PageRequest page) {
        return find(filter.where(), Sort.descending("receivedAt").and("id"), filter.parameters())
                .page(page.page(), page.size()).list();
    }

    public Uni<Long> count(RequestFilter filter) {
        return count(filter.where(), filter.parameters());
    }

    /** Unverified requests filed before the cut-off, to be closed (Art. 12(6)). */
    public Uni<List<DsrRequest>> unverifiedFiledBefore(Instant cutOff, int limit) {
        return find("status = ?1 and createdAt < ?2 order by createdAt", RequestStatus.RECEIVED, cutOff)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
    }

    /** Open requests past their deadline that operators have not yet been told about. */
    /**
     * Closed requests whose retention ran out at {@code cutOff}, locked.
     * A restriction still in force (a RESTRICT step done, its lift not complete) is kept whatever its age: it is the
     * record of why processing is restricted and the only way to lift it; its retention runs from the lift.
     */
    public Uni<List<DsrRequest>> closedBefore(Instant cutOff, int limit) {
        return find("from DsrRequest r where r.status in ?1 and r.closedAt < ?2 and (r.liftCompletedAt < ?2 "
                        + "or (r.liftCompletedAt is null and not exists (from DsrTask t where t.requestId = r.id "
                        + "and t.step = ?3 and t.status = ?4))) order by r.closedAt",
                List.of(RequestStatus.COMPLETED, RequestStatus.REJECTED), cutOff, TaskStep.RESTRICT, TaskStatus.DONE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
    }

    public Uni<List<DsrRequest>> newlyOverdue(Instant now, int limit) {
        return find("status in ?1 and dueAt < ?2 and overdueNotifiedAt is null order by dueAt",
                List.copyOf(RequestStatus.OPEN), now).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
    }

    /**
     * Open requests whose platform deadline falls between {@code now} and {@code until}, not yet warned of, locked.
     */
    public Uni<List<DsrRequest>> platformDeadlineNear(Instant now, Instant until, int limit) {
        return find("status in ?1 and platformDueAt >= ?2 and platformDueAt < ?3 and platformNearNotifiedAt is null "
                        + "order by platformDueAt", List.copyOf(RequestStatus.OPEN), now, until)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
    }

    /** Open requests past their platform deadline, not yet reported as missed, locked. */
    public Uni<List<DsrRequest>> platformDeadlineMissed(Instant now, int limit) {
        return find("status in ?1 and platformDueAt < ?2 and platformMissedNotifiedAt is null order by platformDueAt",
                List.copyOf(RequestStatus.OPEN), now).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
    }

    public Uni<Long> countOpen() {
        return count("status in ?1", List.copyOf(RequestStatus.OPEN));
    }

    public Uni<Long> countOverdue(Instant now) {
        return count("status in ?1 and dueAt < ?2", List.copyOf(RequestStatus.OPEN), now);
    }

    /** Open requests past a platform's deadline (issue 21: X allows 24 hours). */
    public Uni<Long> countPlatformOverdue(Instant now) {
        return count("status in ?1 and platformDueAt < ?2", List.copyOf(RequestStatus.OPEN), now);
    }

    /** Open requests not yet overdue but due before {@code until}. */
    public Uni<Long> countDueBetween(Instant now, Instant until) {
        return count("status in ?1 and dueAt >= ?2 and dueAt < ?3", List.copyOf(RequestStatus.OPEN), now, until);
    }

    /**
     * The operators' work queue: requests in the given statuses (the open ones unless the operator picks one),
     * optionally of one type, the most urgent deadline first: the nearer of Art. 12(3)'s and the platform's.
     */
    public Uni<List<DsrRequest>> queue(RequestType type, Collection<RequestStatus> statuses, PageRequest page) {
        return find(queueWhere(type), Sort.ascending("nextDueAt").and("id"), queueParameters(type, statuses))
                .page(page.page(), page.size()).list();
    }

    public Uni<Long> countQueue(RequestType type, Collection<RequestStatus> statuses) {
        return count(queueWhere(type), queueParameters(type, statuses));
    }

    private static String queueWhere(RequestType type) {
        return "status in :statuses" + (type == null ? "" : " and type = :type");
    }

    private static Parameters queueParameters(RequestType type, Collection<RequestStatus> statuses) {
        Parameters parameters = Parameters.with("statuses", List.copyOf(statuses));
        return type == null ? parameters : parameters.and("type", type);
    }

    /** The filters of {@code GET /api/v1/requests}, as a JPQL condition. */
    public record RequestFilter(RequestStatus status, RequestType type, Instant dueBefore,
                                boolean overdue, UUID subjectId, boolean includeClosedUnverified, Instant now) {

        String where() {
            StringBuilder where = new StringBuilder("1 = 1");
            if (status != null) {
                where.append(" and status = :status");
            }
            if (type != null) {
                where.append(" and type = :type");
            }
            if (dueBefore != null) {
                where.append(" and dueAt < :dueBefore");
            }
            if (overdue) {
                where.append(" and status in :open and dueAt < :now");
            }
            if (subjectId != null) {
                where.append(" and subjectId = :subjectId");
            }
            if (!includeClosedUnverified && status == null) {
                where.append(" and (outcome is null or outcome <> :closedUnverified)");
            }
            return where.toString();
        }

        Parameters parameters() {
            Parameters parameters = new Parameters();
            if (status != null) {
                parameters.and("status", status);
            }
            if (type != null) {
                parameters.and("type", type);
            }
            if (dueBefore != null) {
                parameters.and("dueBefore", dueBefore);
            }
            if (overdue) {
                parameters.and("open", List.copyOf(RequestStatus.OPEN)).and("now", now);
            }
            if (subjectId != null) {
                parameters.and("subjectId", subjectId);
            }
            if (!includeClosedUnverified && status == null) {
                parameters.and("closedUnverified", Outcome.CLOSED_UNVERIFIED);
            }
            return parameters;
        }
    }
}
