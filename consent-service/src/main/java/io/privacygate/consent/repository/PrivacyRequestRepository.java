package io.privacygate.consent.repository;

import io.privacygate.consent.model.PrivacyRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class PrivacyRequestRepository implements PanacheRepositoryBase<PrivacyRequest, UUID> {

    /** The newest first, at most {@code limit}. */
    public Uni<List<PrivacyRequest>> findByAddress(String addressIndex, int limit) {
        return find("addressIndex = ?1 order by filedAt desc", addressIndex).range(0, limit - 1).list();
    }
}
