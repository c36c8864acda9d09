package io.privacygate.dsr.job;

import io.privacygate.dsr.service.verification.CodeGuessLimit;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Deletes the counts of wrong verification codes of days that have ended. */
@ApplicationScoped
public class CodeFailureExpiry {
    private final CodeGuessLimit guesses;

    CodeFailureExpiry(CodeGuessLimit guesses) {
        this.guesses = guesses;
    }

    @Scheduled(every = "${privacy-gate.dsr.housekeeping-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return guesses.forgetPastDays(Instant.now()).replaceWithVoid();
    }
}
