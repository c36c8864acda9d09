package io.privacygate.dsr.service.fanout;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.TaskStatus;
import io.privacygate.dsr.repository.DsrTaskRepository;
import io.privacygate.dsr.service.DsrAudit;
import io.privacygate.dsr.service.RequestLocks;
import io.privacygate.dsr.service.RequestViews;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Sends the failed tasks of a request back to the worker, once an operator has fixed what made them fail. */
@ApplicationScoped
public class RetryService {
    /** A completed request has no task left but the UNRESTRICT steps of a lift (Art. 18(3)). */
    private static final Set<RequestStatus> RETRYABLE = Set.of(RequestStatus.RECEIVED, RequestStatus.VERIFIED,
            RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED);
    private final RequestLocks locks;
    private final DsrTaskRepository tasks;
    private final DsrAudit audit;
    private final RequestViews views;

    RetryService(RequestLocks locks, DsrTaskRepository tasks, DsrAudit audit, RequestViews views) {
        this.locks = locks;
        this.tasks = tasks;
        this.audit = audit;
        this.views = views;
    }

    @WithTransaction
    public Uni<RequestView> retry(UUID id, String actor) {
        return locks.lockIn(id, RETRYABLE, "only an open request, or a completed one whose restriction is being lifted, "
                        + "has tasks to retry")
                .chain(request -> tasks.update("status = ?1, nextAttemptAt = ?2, needsInputNotified = false "
                                + "where requestId = ?3 and status = ?4", TaskStatus.PENDING, Instant.now(), id, TaskStatus.FAILED)
                        .chain(count -> count == 0
                                ? Uni.createFrom().failure(ProblemException.conflict("The request has no failed task to retry."))
                                : audit.tasksRetried(request, count, actor))
                        .chain(() -> views.view(request, true)));
    }
}
