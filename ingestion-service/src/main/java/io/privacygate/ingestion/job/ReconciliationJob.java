package io.privacygate.ingestion.job;

import io.privacygate.ingestion.service.reconciliation.Reconciliation;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Compares what is stored with the platforms, on a schedule (issue 21 point 3). */
@ApplicationScoped
public class ReconciliationJob {
    private final Reconciliation reconciliation;

    ReconciliationJob(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Scheduled(every = "${privacy-gate.ingestion.reconciliation.every:6h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reconcile() {
        return reconciliation.run().replaceWithVoid();
    }
}
