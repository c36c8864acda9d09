package io.privacygate.consent.repository;

import io.privacygate.consent.model.PrivacyCode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class PrivacyCodeRepository implements PanacheRepositoryBase<PrivacyCode, UUID> {

    /** The code, locked for this transaction so that two attempts at once count as two. */
    public Uni<PrivacyCode> findForUpdate(UUID id) {
        return Panache.getSession().chain(session -> session.find(PrivacyCode.class, id,
                org.hibernate.LockMode.PESSIMISTIC_WRITE));
    }

    public Uni<Long> deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
