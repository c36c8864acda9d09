package io.privacygate.audit.job;

import io.privacygate.audit.config.AuditConfig;
import io.privacygate.audit.repository.AlertRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Deletes the alerts a DPO acknowledged as no breach once {@code privacy-gate.audit.alerts.acknowledged-retention}
 * has passed (storage limitation, Art. 5(1)(e): they hold pseudonymous subject refs). The log entries they point to
 * stay in the log; escalated alerts stay with their breach.
 */
@ApplicationScoped
public class AlertRetentionJob {
    private static final Logger LOG = Logger.getLogger(AlertRetentionJob.class);
    private final Pool pool;
    private final AlertRepository alerts;
    private final AuditConfig config;

    AlertRetentionJob(Pool pool, AlertRepository alerts, AuditConfig config) {
        this.pool = pool;
        this.alerts = alerts;
        this.config = config;
    }

    @Scheduled(identity = "audit-alert-retention", every = "${privacy-gate.audit.alerts.retention-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> purge() {
        return alerts.deleteAcknowledgedBefore(pool, Instant.now().minus(config.alerts().acknowledgedRetention()))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("Deleted %d acknowledged alerts past their retention", deleted);
                    }
                })
                .replaceWithVoid();
    }
}
