package io.privacygate.ingestion.job;

import io.privacygate.ingestion.service.IngestionMetrics;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the inbox backlog and lag gauges current. */
@ApplicationScoped
public class InboxMetricsJob {
    private final IngestionMetrics metrics;

    InboxMetricsJob(IngestionMetrics metrics) {
        this.metrics = metrics;
    }

    @Scheduled(every = "${privacy-gate.ingestion.inbox.metrics-interval:15s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return metrics.refreshInbox();
    }
}
