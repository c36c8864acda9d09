package io.privacygate.ingestion.repository;

import io.privacygate.ingestion.model.EventKind;
import io.privacygate.ingestion.model.Interaction;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
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
public class InteractionRepository implements PanacheRepositoryBase<Interaction, UUID> {

    /**
     * Inside the caller's transaction: many interactions in one statement. An inbox round stores hundreds;
     * as entities they cost Hibernate's flush (an entity entry, a dirty check and bindings for each) and a
     * round trip per hundred rows at commit, time the round spends behind the webhooks for the CPU.
     */
    public Uni<Integer> insertAll(List<Interaction> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Map<String, String>> values = new ArrayList<>(rows.size());
        for (Interaction interaction : rows) {
            Map<String, String> row = new HashMap<>();
            row.put("id", interaction.id.toString());
            row.put("subject_id", interaction.subjectId.toString());
            row.put("purpose", interaction.purpose);
            row.put("legal_basis", interaction.legalBasis);
            row.put("consent_event_id", interaction.consentEventId == null ? null : interaction.consentEventId.toString());
            row.put("channel", interaction.channel);
            row.put("kind", interaction.kind);
            row.put("categories", interaction.categories);
            row.put("content_encrypted", interaction.contentEncrypted);
            row.put("restricted", Boolean.toString(interaction.restricted));
            row.put("source", interaction.source);
            row.put("occurred_at", interaction.occurredAt.toString());
            row.put("stored_at", interaction.storedAt.toString());
            row.put("retain_until", interaction.retainUntil.toString());
            row.put("item_key", interaction.itemKey);
            row.put("item_ref", interaction.itemRef);
            values.add(row);
        }
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into interaction (id, subject_id, purpose, legal_basis, consent_event_id, channel, kind, categories,
                                                 content_encrypted, restricted, source, occurred_at, stored_at, retain_until, item_key, item_ref)
                        select r.id, r.subject_id, r.purpose, r.legal_basis, r.consent_event_id, r.channel, r.kind, r.categories,
                               r.content_encrypted, r.restricted, r.source, r.occurred_at, r.stored_at, r.retain_until, r.item_key, r.item_ref
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id uuid, subject_id uuid, purpose text,
                             legal_basis text, consent_event_id uuid, channel text, kind text, categories text,
                             content_encrypted text, restricted boolean, source text, occurred_at timestamptz,
                             stored_at timestamptz, retain_until timestamptz, item_key text, item_ref text)""")
                .setParameter("rows", Json.write(values))
                .executeUpdate());
    }

    /** What the CRM may show for a purpose: never data stored while the subject was restricted. */
    public Uni<List<Interaction>> usable(UUID subjectId, String purpose, int page, int size) {
        return find("subjectId = ?1 and purpose = ?2 and restricted = false", Sort.descending("occurredAt"), subjectId, purpose)
                .page(Page.of(page, size)).list();
    }

    public Uni<Long> countUsable(UUID subjectId, String purpose) {
        return count("subjectId = ?1 and purpose = ?2 and restricted = false", subjectId, purpose);
    }

    /** Where the data the CRM may show for a purpose came from: each (channel, kind) once. */
    public Uni<List<Source>> sourcesOf(UUID subjectId, String purpose) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select distinct channel, kind from Interaction where subjectId = ?1 and purpose = ?2 and restricted = false",
                        Object[].class)
                .setParameter(1, subjectId)
                .setParameter(2, purpose)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Source((String) row[0], EventKind.valueOf((String) row[1]))).toList());
    }

    /** A channel and the kind of item on it. */
    public record Source(String channel, EventKind kind) {
    }

    public Uni<List<Interaction>> allOf(UUID subjectId) {
        return list("subjectId", Sort.ascending("occurredAt"), subjectId);
    }

    /** The stored copies of one platform item (one per purpose it was stored for). */
    public Uni<List<Interaction>> copiesOf(String itemKey) {
        return list("itemKey", itemKey);
    }

    public Uni<Long> deleteCopiesOf(String itemKey) {
        return delete("itemKey", itemKey);
    }

    public Uni<Long> countOf(UUID subjectId) {
        return count("subjectId", subjectId);
    }

    public Uni<Long> deleteAllOf(UUID subjectId) {
        return delete("subjectId", subjectId);
    }

    /** Data held on consent to this purpose, which a withdrawal takes away (Art. 7(3), Art. 17(1)(b)). */
    public Uni<Long> deleteHeldOnConsent(UUID subjectId, String purpose) {
        return delete("subjectId = ?1 and purpose = ?2 and legalBasis = 'CONSENT'", subjectId, purpose);
    }

    /**
     * One bounded batch of interactions past their retention: the purposes of the rows deleted. The batch is
     * locked once in a materialized CTE (see {@link InboxRepository#claim}), never re-run per row.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<String>> purgeExpired(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        with expired as materialized (
                          select id from interaction where retain_until < :now limit :limit for update skip locked)
                        delete from interaction i using expired where i.id = expired.id
                        returning i.purpose""", String.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList()).map(purposes -> (List<String>) purposes);
    }
}
