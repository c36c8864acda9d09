package io.privacygate.dsr.service.deadlines;

import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.repository.DsrRequestRepository;
import io.privacygate.dsr.service.DsrAudit;
import io.privacygate.dsr.service.Notifier;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Marks open requests past their Art. 12(3) deadline, once each: audited, and operators are told. */
@ApplicationScoped
public class OverdueService {
    private static final int BATCH = 100;
    private final DsrRequestRepository requests;
    private final DsrAudit audit;
    private final Notifier notifier;

    OverdueService(DsrRequestRepository requests, DsrAudit audit, Notifier notifier) {
        this.requests = requests;
        this.audit = audit;
        this.notifier = notifier;
    }

    @WithTransaction
    public Uni<Integer> markOverdue(Instant now) {
        return requests.newlyOverdue(now, BATCH).chain(found -> Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(request -> mark(request, now))
                .collect().asList().map(done -> found.size()));
    }

    private Uni<Void> mark(DsrRequest request, Instant now) {
        request.overdueNotifiedAt = now;
        return audit.overdue(request).chain(() -> notifier.overdue(request));
    }
}
