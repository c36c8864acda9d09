package io.privacygate.dsr.job;

import io.privacygate.dsr.service.OperatorMailService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Sends queued operator notification e-mails. */
@ApplicationScoped
public class OperatorMailSender {
    private final OperatorMailService mails;

    OperatorMailSender(OperatorMailService mails) {
        this.mails = mails;
    }

    @Scheduled(every = "${privacy-gate.dsr.housekeeping-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return mails.sendDue(Instant.now()).replaceWithVoid();
    }
}
