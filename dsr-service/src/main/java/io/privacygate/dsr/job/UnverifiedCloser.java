package io.privacygate.dsr.job;

import io.privacygate.dsr.service.ClosingService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Closes requests left unverified past the configured time (Art. 12(6)). */
@ApplicationScoped
public class UnverifiedCloser {
    private final ClosingService closing;

    UnverifiedCloser(ClosingService closing) {
        this.closing = closing;
    }

    @Scheduled(every = "${privacy-gate.dsr.housekeeping-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return closing.closeUnverified(Instant.now()).replaceWithVoid();
    }
}
