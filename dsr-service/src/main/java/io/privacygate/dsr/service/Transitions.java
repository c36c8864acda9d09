package io.privacygate.dsr.service;

import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.Outcome;
import io.privacygate.dsr.model.RequestStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * The one place where a request changes status: each transition is audited, notified and counted, inside
 * the transaction that makes it.
 */
@ApplicationScoped
public class Transitions {
    private final DsrAudit audit;
    private final Notifier notifier;
    private final DsrMetrics metrics;

    Transitions(DsrAudit audit, Notifier notifier, DsrMetrics metrics) {
        this.audit = audit;
        this.notifier = notifier;
        this.metrics = metrics;
    }

    public Uni<Void> move(DsrRequest request, RequestStatus to, String actor) {
        RequestStatus from = request.status;
        request.status = to;
        request.updatedAt = Instant.now();
        return audit.transition(request, from, actor).chain(() -> notifier.statusChanged(request));
    }

    /** Closes a request: COMPLETED or REJECTED, with its outcome. */
    public Uni<Void> close(DsrRequest request, RequestStatus to, Outcome outcome, String actor) {
        Instant now = Instant.now();
        request.outcome = outcome;
        request.closedAt = now;
        request.closedBy = actor;
        if (to == RequestStatus.COMPLETED) {
            metrics.completed(Duration.between(request.receivedAt, now));
            if (request.platformDueAt != null) {
                metrics.completedForPlatform(!now.isAfter(request.platformDueAt));
            }
        }
        return move(request, to, actor);
    }
}
