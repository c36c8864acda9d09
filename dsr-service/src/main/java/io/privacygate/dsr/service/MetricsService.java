package io.privacygate.dsr.service;

import io.privacygate.dsr.repository.DsrRequestRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Reads the open and overdue counts for the gauges. */
@ApplicationScoped
public class MetricsService {
    private final DsrRequestRepository requests;
    private final DsrMetrics metrics;

    MetricsService(DsrRequestRepository requests, DsrMetrics metrics) {
        this.requests = requests;
        this.metrics = metrics;
    }

    @WithSession
    public Uni<Void> refresh(Instant now) {
        return requests.countOpen().chain(open -> requests.countOverdue(now)
                .invoke(overdue -> metrics.counts(open, overdue))).replaceWithVoid();
    }
}
