package io.privacygate.dsr.service;

import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.repository.DsrRequestRepository;
import io.privacygate.dsr.repository.DsrTaskRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Reads the counts behind the gauges: open, overdue and near-deadline requests, failed tasks. */
@ApplicationScoped
public class MetricsService {
    private final DsrRequestRepository requests;
    private final DsrTaskRepository tasks;
    private final DsrMetrics metrics;
    private final DsrConfig config;

    MetricsService(DsrRequestRepository requests, DsrTaskRepository tasks, DsrMetrics metrics, DsrConfig config) {
        this.requests = requests;
        this.tasks = tasks;
        this.metrics = metrics;
        this.config = config;
    }

    @WithSession
    public Uni<Void> refresh(Instant now) {
        return requests.countOpen()
                .chain(open -> requests.countOverdue(now)
                        .chain(overdue -> requests.countDueBetween(now, now.plus(config.nearDeadline()))
                                .chain(nearDeadline -> tasks.countFailed()
                                        .chain(failed -> requests.countPlatformOverdue(now)
                                                .invoke(platformOverdue -> metrics.counts(new DsrMetrics.Counts(open,
                                                        overdue, nearDeadline, failed, platformOverdue)))))))
                .replaceWithVoid();
    }
}
