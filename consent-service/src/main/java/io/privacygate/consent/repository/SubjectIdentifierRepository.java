package io.privacygate.consent.repository;

import io.privacygate.consent.model.SubjectIdentifier;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class SubjectIdentifierRepository implements PanacheRepositoryBase<SubjectIdentifier, UUID> {

    public Uni<List<SubjectIdentifier>> findByBlindIndexes(Collection<String> blindIndexes) {
        return list("blindIndex in ?1", blindIndexes);
    }

    public Uni<List<SubjectIdentifier>> findBySubject(UUID subjectId) {
        return list("subjectId = ?1 order by createdAt, id", subjectId);
    }

    public Uni<List<SubjectIdentifier>> findBySubjects(Collection<UUID> subjectIds) {
        return list("subjectId in ?1", List.copyOf(subjectIds));
    }

    public Uni<Long> deleteBySubject(UUID subjectId) {
        return delete("subjectId", subjectId);
    }

    /**
     * Serialises the transactions that touch the same identifiers, so that two first sightings of one
     * e-mail address cannot create two subjects. Locks are taken in a fixed order, so they cannot deadlock.
     */
    public Uni<Void> lockBlindIndexes(Collection<String> blindIndexes) {
        String sorted = String.join(",", new TreeSet<>(blindIndexes));
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select count(pg_advisory_xact_lock(hashtextextended(t.bi, 0)))
                        from (select unnest(string_to_array(:indexes, ',')) as bi order by 1) t""")
                .setParameter("indexes", sorted)
                .getSingleResult()).replaceWithVoid();
    }
}
