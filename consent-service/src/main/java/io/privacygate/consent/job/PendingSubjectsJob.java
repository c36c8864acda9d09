package io.privacygate.consent.job;

import io.privacygate.consent.service.subjects.PendingSubjects;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Confirms the pending subjects that decisions permitted, and purges those left unconfirmed past their deadline. */
@ApplicationScoped
public class PendingSubjectsJob {
    private final PendingSubjects pending;

    PendingSubjectsJob(PendingSubjects pending) {
        this.pending = pending;
    }

    @Scheduled(every = "${privacy-gate.subjects.confirm-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> confirm() {
        return pending.confirmQueued();
    }

    @Scheduled(every = "${privacy-gate.subjects.purge-every}", delayed = "${privacy-gate.subjects.purge-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pending.purgeExpired().replaceWithVoid();
    }
}
