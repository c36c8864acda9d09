package io.privacygate.consent.repository;

import io.privacygate.consent.model.Subject;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
@WithSession
public class SubjectRepository implements PanacheRepositoryBase<Subject, UUID> {

    /** The subject, locked until the end of the transaction, so that DSR calls on it run one at a time. */
    public Uni<Subject> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
