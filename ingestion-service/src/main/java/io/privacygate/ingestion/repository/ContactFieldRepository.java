package io.privacygate.ingestion.repository;

import io.privacygate.ingestion.model.ContactField;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ContactFieldRepository implements PanacheRepositoryBase<ContactField, ContactField.Key> {

    /**
     * Upserts in one statement: the newest value wins, and a field is kept as long as the longest retention
     * it was collected under. Rows are written in key order, so that concurrent rounds lock them in the
     * same order. At most one row per key.
     */
    public Uni<Integer> upsertAll(List<ContactField> fields) {
        if (fields.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Map<String, String>> rows = new ArrayList<>(fields.size());
        for (ContactField field : fields) {
            Map<String, String> row = new HashMap<>();
            row.put("subject_id", field.subjectId.toString());
            row.put("purpose", field.purpose);
            row.put("field", field.field);
            row.put("value_encrypted", field.valueEncrypted);
            row.put("legal_basis", field.legalBasis);
            row.put("consent_event_id", field.consentEventId == null ? null : field.consentEventId.toString());
            row.put("updated_at", field.updatedAt.toString());
            row.put("retain_until", field.retainUntil.toString());
            rows.add(row);
        }
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into contact_field (subject_id, purpose, field, value_encrypted, legal_basis, consent_event_id,
                                                   updated_at, retain_until)
                        select r.subject_id, r.purpose, r.field, r.value_encrypted, r.legal_basis, r.consent_event_id,
                               r.updated_at, r.retain_until
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(subject_id uuid, purpose text, field text,
                             value_encrypted text, legal_basis text, consent_event_id uuid, updated_at timestamptz,
                             retain_until timestamptz)
                        order by r.subject_id, r.purpose, r.field
                        on conflict (subject_id, purpose, field) do update set
                          value_encrypted = excluded.value_encrypted, legal_basis = excluded.legal_basis,
                          consent_event_id = excluded.consent_event_id, updated_at = excluded.updated_at,
                          retain_until = greatest(contact_field.retain_until, excluded.retain_until)""")
                .setParameter("rows", Json.write(rows))
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
                        with expired as materialized (
                          select subject_id, purpose, field from contact_field where retain_until < :now limit :limit
                          for update skip locked)
                        delete from contact_field c using expired
                        where c.subject_id = expired.subject_id and c.purpose = expired.purpose and c.field = expired.field
                        returning c.purpose""", String.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList()).map(purposes -> (List<String>) purposes);
    }
}
