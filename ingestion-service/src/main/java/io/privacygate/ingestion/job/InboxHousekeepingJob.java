package io.privacygate.ingestion.job;

import io.privacygate.ingestion.service.inbox.InboxHousekeeping;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Expires raw deliveries that waited too long, and forgets old event ids and expired suppressions. */
@ApplicationScoped
public class InboxHousekeepingJob {
    private final InboxHousekeeping housekeeping;

    InboxHousekeepingJob(InboxHousekeeping housekeeping) {
        this.housekeeping = housekeeping;
    }

    @Scheduled(every = "${privacy-gate.ingestion.inbox.housekeeping-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return housekeeping.run().replaceWithVoid();
    }
}
