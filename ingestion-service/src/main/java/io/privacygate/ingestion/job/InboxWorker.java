package io.privacygate.ingestion.job;

import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.service.InboxProcessor;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Drains the inbox: while rounds find work, the next one starts at once; an empty round waits for the
 * next tick. One round at a time per replica; replicas share the inbox through SKIP LOCKED.
 */
@ApplicationScoped
public class InboxWorker {
    /** Rounds chained in one tick at most, so that a long backlog still yields to shutdown and other jobs. */
    private static final int MAX_ROUNDS_PER_TICK = 50;
    private final InboxProcessor processor;

    InboxWorker(InboxProcessor processor) {
        this.processor = processor;
    }

    @Scheduled(every = "${privacy-gate.ingestion.inbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WorkerDisabled.class)
    Uni<Void> drain() {
        return rounds(0);
    }

    private Uni<Void> rounds(int done) {
        if (done >= MAX_ROUNDS_PER_TICK) {
            return Uni.createFrom().voidItem();
        }
        return processor.processRound().chain(finished -> finished > 0 ? rounds(done + 1) : Uni.createFrom().voidItem());
    }

    /** Skips ticks when {@code privacy-gate.ingestion.inbox.worker-enabled=false}. */
    @ApplicationScoped
    public static class WorkerDisabled implements Scheduled.SkipPredicate {
        private final IngestionConfig config;

        WorkerDisabled(IngestionConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.inbox().workerEnabled();
        }
    }
}
