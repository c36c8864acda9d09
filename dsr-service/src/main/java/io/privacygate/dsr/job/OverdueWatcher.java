package io.privacygate.dsr.job;

import io.privacygate.dsr.service.deadlines.OverdueService;
import io.privacygate.dsr.service.deadlines.PlatformDeadlineWatch;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Tells operators, once, about each open request past its Art. 12(3) deadline, and audits, once each, a platform
 * deadline near and missed (issue 21).
 */
@ApplicationScoped
public class OverdueWatcher {
    private final OverdueService overdue;
    private final PlatformDeadlineWatch platformDeadlines;

    OverdueWatcher(OverdueService overdue, PlatformDeadlineWatch platformDeadlines) {
        this.overdue = overdue;
        this.platformDeadlines = platformDeadlines;
    }

    @Scheduled(every = "${privacy-gate.dsr.housekeeping-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        Instant now = Instant.now();
        return overdue.markOverdue(now).chain(() -> platformDeadlines.mark(now)).replaceWithVoid();
    }
}
