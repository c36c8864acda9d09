package io.privacygate.dsr.job;

import io.privacygate.dsr.service.deadlines.OverdueService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Tells operators, once, about each open request past its Art. 12(3) deadline. */
@ApplicationScoped
public class OverdueWatcher {
    private final OverdueService overdue;

    OverdueWatcher(OverdueService overdue) {
        this.overdue = overdue;
    }

    @Scheduled(every = "${privacy-gate.dsr.housekeeping-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return overdue.markOverdue(Instant.now()).replaceWithVoid();
    }
}
