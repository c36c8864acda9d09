package io.privacygate.audit.job;

import io.privacygate.audit.service.tree.CheckpointService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signs the tree head on a schedule ({@code privacy-gate.audit.checkpoint.interval}, {@code off} to disable),
 * so that a checkpoint never lags far behind the log. Nothing is signed while the tree has not grown.
 */
@ApplicationScoped
public class CheckpointJob {
    private final CheckpointService checkpoints;

    CheckpointJob(CheckpointService checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(identity = "audit-checkpoint", every = "${privacy-gate.audit.checkpoint.interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> signIfGrown() {
        return checkpoints.checkpoint().replaceWithVoid();
    }
}
