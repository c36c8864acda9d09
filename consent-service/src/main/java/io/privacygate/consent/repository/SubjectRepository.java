package io.privacygate.consent.repository;

import io.privacygate.consent.model.Subject;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class SubjectRepository implements PanacheRepositoryBase<Subject, UUID> {

    /** The subject, locked until the end of the transaction, so that DSR calls on it run one at a time. */
    public Uni<Subject> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Confirms the pending subjects among {@code ids}; confirmed ones are left alone. @return how many were pending */
    public Uni<Integer> confirm(Collection<UUID> ids) {
        return update("pendingUntil = null where id in ?1 and pendingUntil is not null", List.copyOf(ids));
    }

    /** Up to {@code limit} pending subjects whose deadline has passed, oldest first, locked for their purge. */
    public Uni<List<Subject>> findPendingPast(Instant now, int limit) {
        return find("pendingUntil < ?1", Sort.by("pendingUntil"), now).page(0, limit)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Deletes the subjects; their identifiers, objections and sources go with them (on delete cascade). */
    public Uni<Long> deleteAll(Collection<UUID> ids) {
        return delete("id in ?1", List.copyOf(ids));
    }
}
