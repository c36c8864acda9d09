package io.privacygate.audit.job;

import io.privacygate.audit.config.DetectionConfig;
import io.privacygate.audit.service.alert.AlertDispatcher;
import io.privacygate.audit.service.alert.DetectionService;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Evaluates new log entries every {@code privacy-gate.audit.detection.interval} and hands the alerts raised to
 * the outbox at once. Detection runs beside the append path, never in it, so appends do not wait for it.
 * <p>
 * Failures are logged by class, never by message (no personal data in logs), and retried next round: a chunk
 * that failed is evaluated again, an alert not handed over stays undispatched.
 */
@ApplicationScoped
public class DetectionJob {
    private static final Logger LOG = Logger.getLogger(DetectionJob.class);
    private final DetectionService detection;
    private final AlertDispatcher dispatcher;

    DetectionJob(DetectionService detection, AlertDispatcher dispatcher) {
        this.detection = detection;
        this.dispatcher = dispatcher;
    }

    @Scheduled(identity = "audit-detection", every = "${privacy-gate.audit.detection.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DetectionDisabled.class)
    public Uni<Void> evaluate() {
        return detection.round()
                .onFailure().recoverWithItem(0L)
                .chain(dispatcher::dispatch)
                .onFailure().invoke(e -> LOG.warnf("Alerts could not be handed to the outbox (%s); they go out next round",
                        e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
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
