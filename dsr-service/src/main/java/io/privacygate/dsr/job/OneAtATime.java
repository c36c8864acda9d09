package io.privacygate.dsr.job;

import io.smallrye.mutiny.Uni;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs a job one at a time. A request that arrives while the job runs is not dropped: the job runs once
 * more when it ends, because the work that request announced may have been committed after the running
 * job last looked for work.
 */
final class OneAtATime {
    private final Supplier<Uni<Void>> job;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    OneAtATime(Supplier<Uni<Void>> job) {
        this.job = job;
    }

    /** Completes when this caller's run ends, or at once when a run in progress will run again for it. */
    Uni<Void> request() {
        requested.set(true);
        return running.compareAndSet(false, true) ? runWhileRequested() : Uni.createFrom().voidItem();
    }

    private Uni<Void> runWhileRequested() {
        requested.set(false);
        return Uni.createFrom().<Void>deferred(job::get)
                .onFailure().recoverWithNull().replaceWithVoid()
                .eventually(() -> running.set(false))
                .chain(() -> requested.get() && running.compareAndSet(false, true)
                        ? runWhileRequested() : Uni.createFrom().voidItem());
    }
}
