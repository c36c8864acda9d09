package io.privacygate.consent.job;

import io.privacygate.consent.service.verification.PrivacyVerification;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Expired one-time codes and past rate-limit windows are deleted: they are kept no longer than they serve. */
@ApplicationScoped
public class PrivacyCenterPurge {
    private final PrivacyVerification verification;

    PrivacyCenterPurge(PrivacyVerification verification) {
        this.verification = verification;
    }

    @Scheduled(every = "${privacy-gate.consent.privacy-center.purge-interval:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return verification.purge();
    }
}
