package io.privacygate.dsr.repository;

import io.privacygate.dsr.model.RequestIdentifier;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class RequestIdentifierRepository implements PanacheRepositoryBase<RequestIdentifier, UUID> {

    public Uni<List<RequestIdentifier>> findByRequest(UUID requestId) {
        return list("requestId = ?1 order by position", requestId);
    }

    /** The requests filed with any of these identifiers, found by blind index. */
    public Uni<List<UUID>> requestsByBlindIndexes(Collection<String> blindIndexes) {
        return find("select distinct requestId from RequestIdentifier where blindIndex in ?1", blindIndexes)
                .project(UUID.class).list();
    }
}
