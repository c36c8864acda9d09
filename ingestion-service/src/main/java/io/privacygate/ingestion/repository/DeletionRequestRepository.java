package io.privacygate.ingestion.repository;

import io.privacygate.ingestion.model.DeletionRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
@WithSession
public class DeletionRequestRepository implements PanacheRepositoryBase<DeletionRequest, String> {

    public Uni<DeletionRequest> findByDigest(String digest) {
        return find("digest", digest).firstResult();
    }

    /** Requests dsr-service does not have yet, or whose outcome is not known yet, that are due. */
    public Uni<List<DeletionRequest>> due(Instant now, int limit) {
        return find("nextAttemptAt <= ?1 and (dsrStatus is null or dsrStatus not in ('COMPLETED', 'REJECTED'))",
                Sort.ascending("nextAttemptAt"), now).page(0, limit).list();
    }
}
