package io.privacygate.ingestion.repository;

import io.privacygate.ingestion.model.ContactField;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ContactFieldRepository implements PanacheRepositoryBase<ContactField, ContactField.Key> {

    /** The newest value wins; the field is kept as long as the longest retention it was collected under. */
    public Uni<Integer> upsert(ContactField field) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into contact_field (subject_id, purpose, field, value_encrypted, legal_basis, consent_event_id,
                                                   updated_at, retain_until)
                        values (:subject, :purpose, :field, :value, :basis, :consentEvent, :updatedAt, :retainUntil)
                        on conflict (subject_id, purpose, field) do update set
                          value_encrypted = excluded.value_encrypted, legal_basis = excluded.legal_basis,
                          consent_event_id = excluded.consent_event_id, updated_at = excluded.updated_at,
                          retain_until = greatest(contact_field.retain_until, excluded.retain_until)""")
                .setParameter("subject", field.subjectId)
                .setParameter("purpose", field.purpose)
                .setParameter("field", field.field)
                .setParameter("value", field.valueEncrypted)
                .setParameter("basis", field.legalBasis)
                .setParameter("consentEvent", field.consentEventId)
                .setParameter("updatedAt", field.updatedAt)
                .setParameter("retainUntil", field.retainUntil)
                .executeUpdate());
    }

    public Uni<List<ContactField>> forPurpose(UUID subjectId, String purpose) {
        return list("subjectId = ?1 and purpose = ?2", subjectId, purpose);
    }

    public Uni<List<ContactField>> allOf(UUID subjectId) {
        return list("subjectId", subjectId);
    }

    public Uni<Long> deleteAllOf(UUID subjectId) {
        return delete("subjectId", subjectId);
    }

    public Uni<Long> deleteHeldOnConsent(UUID subjectId, String purpose) {
        return delete("subjectId = ?1 and purpose = ?2 and legalBasis = 'CONSENT'", subjectId, purpose);
    }

    @SuppressWarnings("unchecked")
    public Uni<List<String>> purgeExpired(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        delete from contact_field where (subject_id, purpose, field) in
                          (select subject_id, purpose, field from contact_field where retain_until < :now limit :limit
                           for update skip locked)
                        returning purpose""", String.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList()).map(purposes -> (List<String>) purposes);
    }
}
