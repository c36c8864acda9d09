package io.privacygate.dsr.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators watch: open, overdue and near-deadline requests and failed tasks (refreshed from the database, so
 * every replica reports the same), and the days from receipt to completion against the Art. 12(3) month.
 */
@ApplicationScoped
public class DsrMetrics {
    private static final double SECONDS_PER_DAY = 86_400.0;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong nearDeadline = new AtomicLong();
    private final AtomicLong failedTasks = new AtomicLong();
    private final DistributionSummary daysToCompletion;

    /** One reading of the database. */
    public record Counts(long open, long overdue, long nearDeadline, long failedTasks) {
    }

    DsrMetrics(MeterRegistry registry) {
        registry.gauge("dsr.requests.open", open);
        registry.gauge("dsr.requests.overdue", overdue);
        registry.gauge("privacygate.dsr.requests.near.deadline", nearDeadline);
        registry.gauge("privacygate.dsr.tasks.failed", failedTasks);
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
    }

    void completed(Duration sinceReceipt) {
        daysToCompletion.record(sinceReceipt.toMillis() / 1000.0 / SECONDS_PER_DAY);
    }
}
