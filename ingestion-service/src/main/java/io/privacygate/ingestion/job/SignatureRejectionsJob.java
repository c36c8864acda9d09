package io.privacygate.ingestion.job;

import io.privacygate.ingestion.service.webhook.SignatureRejections;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Audits the webhook signature refusals counted in the last window: one minute by default, the window of
 * audit-service's denied-burst rule. Tests turn the schedule off and close windows themselves.
 */
@ApplicationScoped
public class SignatureRejectionsJob {
    private final SignatureRejections rejections;

    SignatureRejectionsJob(SignatureRejections rejections) {
        this.rejections = rejections;
    }

    @Scheduled(every = "${privacy-gate.ingestion.signature-rejections-every:1m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return rejections.flush().replaceWithVoid();
    }
}
