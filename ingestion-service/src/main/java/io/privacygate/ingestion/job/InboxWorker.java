package io.privacygate.ingestion.job;

import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.service.InboxProcessor;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Drains the inbox with {@code workers} chains of rounds: while a chain's rounds find work, its next round
 * starts at once; an empty round ends it until the next tick. Replicas and chains share the inbox
 * through SKIP LOCKED. Each chain runs on a Vert.x context of its own, since a reactive Hibernate session
 * belongs to one context and must not be shared by work running side by side.
 */
@ApplicationScoped
public class InboxWorker {
    /** Rounds chained in one tick at most, so that a long backlog still yields to shutdown and other jobs. */
    private static final int MAX_ROUNDS_PER_TICK = 50;
    private final InboxProcessor processor;
    private final Vertx vertx;
    private final int workers;

    InboxWorker(InboxProcessor processor, Vertx vertx, IngestionConfig config) {
        this.processor = processor;
        this.vertx = vertx;
        this.workers = config.inbox().workers();
    }

    @Scheduled(every = "${privacy-gate.ingestion.inbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WorkerDisabled.class)
    Uni<Void> drain() {
        List<Uni<Void>> chains = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            chains.add(onOwnContext());
        }
        return Uni.join().all(chains).andCollectFailures().replaceWithVoid();
    }

    private Uni<Void> onOwnContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> rounds(0)
                .subscribe().with(done -> emitter.complete(null), emitter::fail)));
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
