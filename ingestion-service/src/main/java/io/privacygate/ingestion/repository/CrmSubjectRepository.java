package io.privacygate.ingestion.repository;

import io.privacygate.ingestion.model.CrmSubject;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class CrmSubjectRepository implements PanacheRepositoryBase<CrmSubject, UUID> {

    /** Records that these subjects were seen, creating those seen for the first time; in id order, for lock order. */
    public Uni<Integer> touchAll(Collection<UUID> subjectIds, Instant seenAt) {
        if (subjectIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into crm_subject (subject_id, restricted, first_seen_at, last_seen_at)
                        select s, false, :seen, :seen from unnest(cast(string_to_array(:subjects, ',') as uuid[])) s order by s
                        on conflict (subject_id) do update set last_seen_at = greatest(crm_subject.last_seen_at, excluded.last_seen_at)""")
                .setParameter("subjects", String.join(",", subjectIds.stream().map(UUID::toString).toList()))
                .setParameter("seen", seenAt)
                .executeUpdate());
    }

    /** Sets the Art. 18 flag, creating the subject if this service has not seen it yet. */
    public Uni<Integer> restrict(UUID subjectId, boolean restricted, Instant at) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into crm_subject (subject_id, restricted, restriction_changed_at, first_seen_at, last_seen_at)
                        values (:subject, :restricted, :at, :at, :at)
                        on conflict (subject_id) do update set restricted = excluded.restricted,
                          restriction_changed_at = case when crm_subject.restricted = excluded.restricted
                                                        then crm_subject.restriction_changed_at else excluded.restriction_changed_at end""")
                .setParameter("subject", subjectId)
                .setParameter("restricted", restricted)
                .setParameter("at", at)
                .executeUpdate());
    }

    public Uni<Long> deleteOne(UUID subjectId) {
        return delete("subjectId", subjectId);
    }
}
