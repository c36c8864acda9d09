package io.privacygate.ingestion.job;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.service.InboxProcessor;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxThread;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drains the inbox with {@code workers} chains of rounds: while a chain's rounds find work, its next round
 * starts at once; an empty round ends it until the next tick. Replicas and chains share the inbox
 * through SKIP LOCKED. Each chain runs on a Vert.x context of its own, since a reactive Hibernate session
 * belongs to one context and must not be shared by work running side by side.
 * <p>
 * Those contexts live on event-loop threads of this worker's own, not on the HTTP server's. Every step of a
 * round (a database reply, a consent-service reply, the sealing) is a task queued on its context's loop; on
 * a loop shared with the webhooks each step waited behind the acknowledgements' I/O. On threads of their own
 * the operating system's scheduler gives the rounds their share of the CPU whatever the acknowledgement
 * load, and no acknowledgement is slowed or refused for it (admission control on the webhook path could only
 * protect the rounds by holding the platforms' requests back). This does not share out the database pool:
 * under full load a round's store step still waits for connections behind the acknowledgements.
 */
@ApplicationScoped
public class InboxWorker {
    /** Rounds chained in one tick at most, so that a long backlog still yields to shutdown and other jobs. */
    private static final int MAX_ROUNDS_PER_TICK = 50;
    private static final long BLOCKED_WARNING_SECONDS = 2;
    private final InboxProcessor processor;
    private final VertxInternal vertx;
    private final int workers;
    private final EventLoopGroup loops;

    InboxWorker(InboxProcessor processor, Vertx vertx, IngestionConfig config) {
        this.processor = processor;
        this.vertx = (VertxInternal) vertx;
        this.workers = config.inbox().workers();
        this.loops = new NioEventLoopGroup(workers, eventLoopThreads());
    }

    /** Vert.x threads (not plain ones), since Hibernate Reactive insists on running on a Vert.x event loop. */
    private static ThreadFactory eventLoopThreads() {
        AtomicInteger created = new AtomicInteger();
        return task -> new VertxThread(task, "inbox-worker-" + created.getAndIncrement(), false,
                BLOCKED_WARNING_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopLoops() {
        loops.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    }

    @Scheduled(every = "${privacy-gate.ingestion.inbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WorkerDisabled.class)
    Uni<Void> drain() {
        List<Uni<Void>> chains = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            chains.add(onOwnContext(loops.next()));
        }
        return Uni.join().all(chains).andCollectFailures().replaceWithVoid();
    }

    private Uni<Void> onOwnContext(EventLoop loop) {
        ContextInternal root = vertx.createEventLoopContext(loop, vertx.getWorkerPool(), InboxWorker.class.getClassLoader());
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
