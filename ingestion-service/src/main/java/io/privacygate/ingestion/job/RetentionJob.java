package io.privacygate.ingestion.job;

import io.privacygate.ingestion.service.crm.RetentionService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Deletes what is past its purpose's retention, on a schedule. */
@ApplicationScoped
public class RetentionJob {
    private final RetentionService retention;

    RetentionJob(RetentionService retention) {
        this.retention = retention;
    }

    @Scheduled(every = "${privacy-gate.ingestion.retention.every:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return retention.purge().replaceWithVoid();
    }
}
