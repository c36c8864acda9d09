package io.privacygate.dsr.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators watch: open, overdue and near-deadline requests and failed tasks (refreshed from the database, so
 * every replica reports the same), the days from receipt to completion against the Art. 12(3) month, and for
 * erasures a platform asked for (issue 21) the open ones past the platform's deadline and whether each completed one
 * met it.
 */
@ApplicationScoped
public class DsrMetrics {
    private static final double SECONDS_PER_DAY = 86_400.0;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong nearDeadline = new AtomicLong();
    private final AtomicLong failedTasks = new AtomicLong();
    private final AtomicLong platformOverdue = new AtomicLong();
    private final DistributionSummary daysToCompletion;
    private final Counter platformDeadlineMet;
    private final Counter platformDeadlineMissed;

    /** One reading of the database. */
    public record Counts(long open, long overdue, long nearDeadline, long failedTasks, long platformOverdue) {
    }

    DsrMetrics(MeterRegistry registry) {
        registry.gauge("dsr.requests.open", open);
        registry.gauge("dsr.requests.overdue", overdue);
        registry.gauge("privacygate.dsr.requests.near.deadline", nearDeadline);
        registry.gauge("privacygate.dsr.tasks.failed", failedTasks);
        registry.gauge("privacygate.dsr.requests.platform.overdue", platformOverdue);
        this.platformDeadlineMet = platformDeadline(registry, "met");
        this.platformDeadlineMissed = platformDeadline(registry, "missed");
        this.daysToCompletion = DistributionSummary.builder("dsr.requests.days.to.completion")
                .description("Days from receipt to completion of a data subject request")
                .baseUnit("days")
                .serviceLevelObjectives(7, 14, 30, 61, 92)
                .register(registry);
    }

    public void counts(Counts counts) {
        open.set(counts.open());
        overdue.set(counts.overdue());
        nearDeadline.set(counts.nearDeadline());
        failedTasks.set(counts.failedTasks());
        platformOverdue.set(counts.platformOverdue());
    }

    void completed(Duration sinceReceipt) {
        daysToCompletion.record(sinceReceipt.toMillis() / 1000.0 / SECONDS_PER_DAY);
    }

    /** A request with a platform's deadline completed: in time or not. */
    void completedForPlatform(boolean inTime) {
        (inTime ? platformDeadlineMet : platformDeadlineMissed).increment();
    }

    private static Counter platformDeadline(MeterRegistry registry, String outcome) {
        return Counter.builder("privacygate.dsr.platform.deadline")
                .description("Completed erasures a platform asked for, by whether they met the platform's deadline")
                .tag("outcome", outcome)
                .register(registry);
    }
}
