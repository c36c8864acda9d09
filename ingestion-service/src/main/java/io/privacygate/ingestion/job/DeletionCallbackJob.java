package io.privacygate.ingestion.job;

import io.privacygate.ingestion.service.deletion.DeletionCallbackService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands Meta's deletion callbacks to dsr-service, and follows them there. */
@ApplicationScoped
public class DeletionCallbackJob {
    private final DeletionCallbackService callbacks;

    DeletionCallbackJob(DeletionCallbackService callbacks) {
        this.callbacks = callbacks;
    }

    @Scheduled(every = "${privacy-gate.ingestion.deletion-callbacks.every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forward() {
        return callbacks.forwardDue().replaceWithVoid();
    }
}
