package io.privacygate.ingestion.repository;

import io.privacygate.ingestion.model.Interaction;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class InteractionRepository implements PanacheRepositoryBase<Interaction, UUID> {

    /** What the CRM may show for a purpose: never data stored while the subject was restricted. */
    public Uni<List<Interaction>> usable(UUID subjectId, String purpose, int page, int size) {
        return find("subjectId = ?1 and purpose = ?2 and restricted = false", Sort.descending("occurredAt"), subjectId, purpose)
                .page(Page.of(page, size)).list();
    }

    public Uni<Long> countUsable(UUID subjectId, String purpose) {
        return count("subjectId = ?1 and purpose = ?2 and restricted = false", subjectId, purpose);
    }

    public Uni<List<Interaction>> allOf(UUID subjectId) {
        return list("subjectId", Sort.ascending("occurredAt"), subjectId);
    }

    public Uni<Long> deleteAllOf(UUID subjectId) {
        return delete("subjectId", subjectId);
    }

    /** Data held on consent to this purpose, which a withdrawal takes away (Art. 7(3), Art. 17(1)(b)). */
    public Uni<Long> deleteHeldOnConsent(UUID subjectId, String purpose) {
        return delete("subjectId = ?1 and purpose = ?2 and legalBasis = 'CONSENT'", subjectId, purpose);
    }

    /** One bounded batch of interactions past their retention: the purposes of the rows deleted. */
    @SuppressWarnings("unchecked")
    public Uni<List<String>> purgeExpired(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        delete from interaction where id in
                          (select id from interaction where retain_until < :now limit :limit for update skip locked)
                        returning purpose""", String.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList()).map(purposes -> (List<String>) purposes);
    }
}
