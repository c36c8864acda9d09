package io.privacygate.consent.repository;

import io.privacygate.consent.model.Objection;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ObjectionRepository implements PanacheRepositoryBase<Objection, UUID> {

    public Uni<Objection> find(UUID subjectId, String purposeKey) {
        return find("subjectId = ?1 and purposeKey = ?2", subjectId, purposeKey).firstResult();
    }

    public Uni<List<Objection>> findBySubject(UUID subjectId) {
        return list("subjectId = ?1 order by purposeKey", subjectId);
    }
}
