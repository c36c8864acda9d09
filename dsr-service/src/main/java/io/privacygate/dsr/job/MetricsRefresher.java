package io.privacygate.dsr.job;

import io.privacygate.dsr.service.MetricsService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Keeps the open and overdue gauges current. */
@ApplicationScoped
public class MetricsRefresher {
    private final MetricsService metrics;

    MetricsRefresher(MetricsService metrics) {
        this.metrics = metrics;
    }

    @Scheduled(every = "${privacy-gate.dsr.metrics-interval:15s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return metrics.refresh(Instant.now());
    }
}
