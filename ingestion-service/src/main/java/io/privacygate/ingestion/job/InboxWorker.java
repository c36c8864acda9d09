package io.privacygate.ingestion.job;

import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.service.inbox.InboxProcessor;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Drains the inbox with {@code workers} chains of rounds: while a chain's rounds find work, its next round
 * starts at once; an empty round ends it until the next tick. Replicas and chains share the inbox
 * through SKIP LOCKED. Each chain runs on an event-loop context of its own, since a reactive Hibernate session
 * belongs to one context and must not be shared by work running side by side; the chains' contexts are those
 * of one verticle instance each, which Vert.x spreads over its event loops (docs/decisions/0031).
 */
@ApplicationScoped
public class InboxWorker {
    /** Rounds chained in one tick at most, so that a long backlog still yields to shutdown and other jobs. */
    private static final int MAX_ROUNDS_PER_TICK = 50;
    private final InboxProcessor processor;
    private final Vertx vertx;
    private final int workers;
    private final Uni<List<Context>> chainContexts;

    InboxWorker(InboxProcessor processor, Vertx vertx, IngestionConfig config) {
        this.processor = processor;
        this.vertx = vertx;
        this.workers = config.inbox().workers();
        this.chainContexts = Uni.createFrom().deferred(this::deployChains).memoize().indefinitely();
    }

    /** One event-loop context per chain, created once: Vert.x gives each verticle instance its own. */
    private Uni<List<Context>> deployChains() {
        List<Context> contexts = new CopyOnWriteArrayList<>();
        return Uni.createFrom().completionStage(() -> vertx.deployVerticle(() -> new AbstractVerticle() {
                    @Override
                    public void start() {
                        contexts.add(context);
                    }
                }, new DeploymentOptions().setInstances(workers)).toCompletionStage())
                .map(deployment -> List.copyOf(contexts));
    }

    @Scheduled(every = "${privacy-gate.ingestion.inbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WorkerDisabled.class)
    Uni<Void> drain() {
        return chainContexts.chain(contexts -> Uni.join().all(contexts.stream().map(this::chainOn).toList())
                .andCollectFailures().replaceWithVoid());
    }

    /** A fresh duplicated context per tick, so that no session or context data outlives the chain's rounds. */
    private Uni<Void> chainOn(Context root) {
        Context context = VertxContext.createNewDuplicatedContext(root);
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
