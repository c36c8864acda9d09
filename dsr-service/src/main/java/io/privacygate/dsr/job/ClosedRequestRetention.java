package io.privacygate.dsr.job;

import io.privacygate.dsr.service.RetentionService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Deletes closed requests past their retention, one batch per round. */
@ApplicationScoped
public class ClosedRequestRetention {
    private final RetentionService retention;

    ClosedRequestRetention(RetentionService retention) {
        this.retention = retention;
    }

    @Scheduled(every = "${privacy-gate.dsr.housekeeping-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return retention.deleteExpired(Instant.now()).replaceWithVoid();
    }
}
