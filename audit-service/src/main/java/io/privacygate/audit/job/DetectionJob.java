package io.privacygate.audit.job;

import io.privacygate.audit.config.DetectionConfig;
import io.privacygate.audit.service.AlertDispatcher;
import io.privacygate.audit.service.DetectionService;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Evaluates new log entries every {@code privacy-gate.audit.detection.interval} and hands the alerts raised to
 * the outbox at once. Detection runs beside the append path, never in it, so appends do not wait for it.
 */
@ApplicationScoped
public class DetectionJob {
    private final DetectionService detection;
    private final AlertDispatcher dispatcher;

    DetectionJob(DetectionService detection, AlertDispatcher dispatcher) {
        this.detection = detection;
        this.dispatcher = dispatcher;
    }

    @Scheduled(identity = "audit-detection", every = "${privacy-gate.audit.detection.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DetectionDisabled.class)
    public Uni<Void> evaluate() {
        return detection.round().chain(dispatcher::dispatch).replaceWithVoid();
    }

    /** Skips rounds when {@code privacy-gate.audit.detection.enabled=false}. */
    @ApplicationScoped
    public static class DetectionDisabled implements Scheduled.SkipPredicate {
        private final DetectionConfig config;

        DetectionDisabled(DetectionConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
