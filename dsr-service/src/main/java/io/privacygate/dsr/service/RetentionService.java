package io.privacygate.dsr.service;

import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.repository.DsrRequestRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Storage limitation for the requests themselves (Art. 5(1)(e)): a closed request is kept for
 * {@code privacy-gate.dsr.retention.closed-requests} as evidence of its answer (Art. 5(2)), then deleted, not
 * stripped to a stub: its key is shredded first, so that every copy of its identifiers, reasons, results and
 * package (backups too) is unreadable, and the row goes with everything that hangs off it (identifiers, codes,
 * tasks, package, Art. 19 records: {@code on delete cascade}). What remains is the audit trail in audit-service,
 * which names the request by id and its subject by pseudonym only, with one last event saying it was deleted.
 */
@ApplicationScoped
public class RetentionService {
    private static final int BATCH = 100;

    private final DsrRequestRepository requests;
    private final SubjectKeys keys;
    private final DsrAudit audit;
    private final DsrConfig config;

    RetentionService(DsrRequestRepository requests, SubjectKeys keys, DsrAudit audit, DsrConfig config) {
        this.requests = requests;
        this.keys = keys;
        this.audit = audit;
        this.config = config;
    }

    /** Deletes up to one batch of requests closed before the retention period; returns how many. */
    @WithTransaction
    public Uni<Integer> deleteExpired(Instant now) {
        Instant cutOff = now.atZone(ZoneOffset.UTC).minus(config.retention().closedRequests()).toInstant();
        return requests.closedBefore(cutOff, BATCH).chain(found -> Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(this::delete)
                .collect().asList().map(done -> found.size()));
    }

    private Uni<Void> delete(DsrRequest request) {
        return keys.shred(request.id)
                .chain(() -> audit.requestDeleted(request))
                .chain(() -> requests.delete(request))
                .chain(requests::flush);
    }
}
