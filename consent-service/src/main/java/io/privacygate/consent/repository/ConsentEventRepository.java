package io.privacygate.consent.repository;

import io.privacygate.commons.web.PageRequest;
import io.privacygate.consent.model.ConsentEvent;
import io.privacygate.consent.model.PurposeNotice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ConsentEventRepository implements PanacheRepositoryBase<ConsentEvent, UUID> {
    /** The order in which events happened: when captured, then when recorded. */
    private static final String CHRONOLOGICAL = "capturedAt, seq";

    public Uni<ConsentEvent> findByIdempotencyKey(String recordedBy, String idempotencyKey) {
        return find("recordedBy = ?1 and idempotencyKey = ?2", recordedBy, idempotencyKey).firstResult();
    }

    public Uni<ConsentEvent> findLatest(UUID subjectId, String purposeKey) {
        return find("subjectId = ?1 and purposeKey = ?2 order by capturedAt desc, seq desc", subjectId, purposeKey)
                .firstResult();
    }

    public Uni<ConsentEvent> findByReceiptId(UUID receiptId) {
        return find("receiptId", receiptId).firstResult();
    }

    public Uni<List<ConsentEvent>> findBySubject(UUID subjectId) {
        return list("subjectId = ?1 order by " + CHRONOLOGICAL, subjectId);
    }

    public Uni<List<ConsentEvent>> pageBySubject(UUID subjectId, PageRequest page) {
        return find("subjectId = ?1 order by " + CHRONOLOGICAL, subjectId)
                .page(Page.of(page.page(), page.size())).list();
    }

    public Uni<Long> countBySubject(UUID subjectId) {
        return count("subjectId", subjectId);
    }

    /**
     * After an erasure the events stay as proof of consent, without the evidence that could point back at
     * the person: the IP pseudonym, the (already unreadable) user agent and the submission digest.
     */
    public Uni<Integer> eraseEvidence(UUID subjectId, Instant erasedAt) {
        return update("ipPseudonym = null, userAgentEncrypted = null, fingerprint = null, erasedAt = ?2 "
                + "where subjectId = ?1 and erasedAt is null", subjectId, erasedAt);
    }

    /** How many events recorded the hash of this notice text. */
    public Uni<Long> countShowing(PurposeNotice.Key text) {
        return count("purposeKey = ?1 and noticeVersion = ?2 and noticeLanguage = ?3", text.purposeKey,
                text.noticeVersion, text.language);
    }

    /**
     * A transaction lock on a name (a subject and purpose, an idempotency key): one writer at a time, so
     * that a duplicate submission is recognised rather than raced.
     */
    public Uni<Void> lock(String name) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(pg_advisory_xact_lock(hashtextextended(:name, 1)))")
                .setParameter("name", name)
                .getSingleResult()).replaceWithVoid();
    }
}
