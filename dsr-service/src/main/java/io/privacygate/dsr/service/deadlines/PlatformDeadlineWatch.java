package io.privacygate.dsr.service.deadlines;

import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.repository.DsrRequestRepository;
import io.privacygate.dsr.service.DsrAudit;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Records, once each, that an open request's platform deadline is near ({@code privacy-gate.dsr.platform-deadline-warning})
 * and that it was missed: audit events that audit-service turns into alerts (issue 21). Like the Art. 12(3) overdue
 * mark, nothing personal: the request, its channel and the deadline.
 */
@ApplicationScoped
public class PlatformDeadlineWatch {
    private static final int BATCH = 100;
    private final DsrRequestRepository requests;
    private final DsrAudit audit;
    private final DsrConfig config;

    PlatformDeadlineWatch(DsrRequestRepository requests, DsrAudit audit, DsrConfig config) {
        this.requests = requests;
        this.audit = audit;
        this.config = config;
    }

    /** Marks the requests whose platform deadline is near or missed; returns how many were marked. */
    @WithTransaction
    public Uni<Integer> mark(Instant now) {
        return requests.platformDeadlineMissed(now, BATCH)
                .chain(missed -> each(missed, request -> {
                    request.platformMissedNotifiedAt = now;
                    return audit.platformDeadlineMissed(request);
                }))
                .chain(missed -> requests.platformDeadlineNear(now, now.plus(config.platformDeadlineWarning()), BATCH)
                        .chain(near -> each(near, request -> {
                            request.platformNearNotifiedAt = now;
                            return audit.platformDeadlineNear(request);
                        }))
                        .map(near -> missed + near));
    }

    private static Uni<Integer> each(List<DsrRequest> found, Function<DsrRequest, Uni<Void>> mark) {
        return Multi.createFrom().iterable(found).onItem().transformToUniAndConcatenate(mark::apply)
                .collect().asList().map(done -> found.size());
    }
}
