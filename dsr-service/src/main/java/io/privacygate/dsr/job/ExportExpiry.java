package io.privacygate.dsr.job;

import io.privacygate.dsr.service.export.ExportService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Deletes export packages past their expiry. */
@ApplicationScoped
public class ExportExpiry {
    private final ExportService exports;

    ExportExpiry(ExportService exports) {
        this.exports = exports;
    }

    @Scheduled(every = "${privacy-gate.dsr.housekeeping-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return exports.deleteExpired(Instant.now()).replaceWithVoid();
    }
}
