package io.privacygate.dsr.job;

import io.privacygate.dsr.client.CallFailure;
import io.privacygate.dsr.service.fanout.StepExecutor;
import io.privacygate.dsr.service.fanout.StepResult;
import io.privacygate.dsr.service.fanout.TaskClaims;
import io.privacygate.dsr.service.fanout.TaskRecorder;
import io.privacygate.dsr.service.fanout.Work;
import io.privacygate.dsr.service.fanout.WorkerTrigger;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.ConsumeEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs due tasks: claims them with a lease, calls the systems in parallel with no transaction open, and
 * records each answer in its own transaction. Everything it needs is in the database, so a restart loses
 * nothing: a task whose worker died is claimed again when its lease runs out.
 */
@ApplicationScoped
public class TaskWorker {
    private static final Logger LOG = Logger.getLogger(TaskWorker.class);
    private final TaskClaims claims;
    private final StepExecutor executor;
    private final TaskRecorder recorder;
    private final OneAtATime drains = new OneAtATime(this::rounds);

    TaskWorker(TaskClaims claims, StepExecutor executor, TaskRecorder recorder) {
        this.claims = claims;
        this.executor = executor;
        this.recorder = recorder;
    }

    @Scheduled(every = "${privacy-gate.dsr.worker.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return drain();
    }

    @ConsumeEvent(WorkerTrigger.ADDRESS)
    Uni<Void> kicked(String ignored) {
        return drain();
    }

    /**
     * Rounds until nothing is due; one drain at a time per replica (the claims' lease covers the others). A
     * kick during a drain makes it drain once more, so that work committed meanwhile does not wait for the poll.
     */
    public Uni<Void> drain() {
        return drains.request();
    }

    private Uni<Void> rounds() {
        return round().chain(ran -> ran > 0 ? rounds() : Uni.createFrom().voidItem());
    }

    /** One round: returns how many tasks ran. */
    public Uni<Integer> round() {
        return claims.claim()
                .chain(work -> Multi.createFrom().iterable(work)
                        .onItem().transformToUniAndMerge(this::run)
                        .collect().asList()
                        .map(done -> work.size()))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("A task round failed (%s); tasks are retried when their lease ends", e.getClass().getSimpleName());
                    return 0;
                });
    }

    private Uni<Void> run(Work work) {
        return executor.execute(work)
                .map(result -> new Ended(result, null))
                .onFailure().recoverWithItem(e -> new Ended(null, CallFailure.of(e)))
                .chain(ended -> ended.failure() == null
                        ? recorder.succeeded(work, ended.result()).replaceWithVoid()
                        : recorder.failed(work, ended.failure()))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("The result of %s could not be recorded (%s); it runs again when its lease ends",
                            work, e.getClass().getSimpleName());
                    return null;
                });
    }

    private record Ended(StepResult result, CallFailure failure) {
    }
}
