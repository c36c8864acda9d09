package io.privacygate.dsr.repository;

import io.privacygate.dsr.model.OperatorMail;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class OperatorMailRepository implements PanacheRepositoryBase<OperatorMail, UUID> {

    public Uni<List<OperatorMail>> due(Instant now, int limit) {
        return find("nextAttemptAt <= ?1 order by createdAt", now).withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, limit).list();
    }
}
