package io.privacygate.consent.service.subjects;

import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.consent.config.SubjectsConfig;
import io.privacygate.consent.model.Subject;
import io.privacygate.consent.model.SubjectIdentifier;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.SubjectIdentifierRepository;
import io.privacygate.consent.repository.SubjectRepository;
import io.privacygate.consent.service.audit.ConsentAudit;
import io.privacygate.consent.service.decisionstate.Changed;
import io.privacygate.consent.service.decisionstate.StateChanges;
import io.privacygate.consent.service.decisionstate.StateKeys;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * No basis, nothing kept (issue #20, point 1; Art. 5(1)(c) and (e), Art. 6(1)). A person resolved for ingestion is
 * pending until a consent event, a data subject request or a permitted decision confirms them; past
 * {@code privacy-gate.subjects.pending-ttl} unconfirmed, everything held about them here is purged.
 * <p>
 * Decisions confirm off their hot path: a permitted decision for a pending subject (the flag is in the decision
 * cache) only queues its id, and {@link #confirmQueued()} confirms the queue in one statement.
 */
@ApplicationScoped
public class PendingSubjects {
    private static final int MAX_CONFIRMED_AT_ONCE = 1000;

    private final SubjectRepository subjects;
    private final SubjectIdentifierRepository identifiers;
    private final SubjectKeys keys;
    private final ConsentAudit audit;
    private final StateChanges changes;
    private final SubjectsConfig config;
    private final Set<UUID> toConfirm = ConcurrentHashMap.newKeySet();

    PendingSubjects(SubjectRepository subjects, SubjectIdentifierRepository identifiers, SubjectKeys keys,
                    ConsentAudit audit, StateChanges changes, SubjectsConfig config) {
        this.subjects = subjects;
        this.identifiers = identifiers;
        this.keys = keys;
        this.audit = audit;
        this.changes = changes;
        this.config = config;
    }

    /** When a person resolved now, with nothing to keep them by yet, is purged. */
    public Instant deadlineFrom(Instant now) {
        return now.plus(config.pendingTtl());
    }

    /** Inside the caller's transaction: the subject is confirmed if it was pending (one indexed update). */
    public Uni<Void> confirm(UUID subjectId) {
        return subjects.confirm(List.of(subjectId)).replaceWithVoid();
    }

    /** A decision permitted a purpose for a pending subject: confirmed with the next {@link #confirmQueued()}. */
    public void confirmLater(UUID subjectId) {
        toConfirm.add(subjectId);
    }

    /** Confirms the subjects queued by permitted decisions; an id leaves the queue only once its confirmation commits. */
    public Uni<Void> confirmQueued() {
        if (toConfirm.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> batch = toConfirm.stream().limit(MAX_CONFIRMED_AT_ONCE).toList();
        Set<String> stateKeys = new LinkedHashSet<>();
        batch.forEach(id -> stateKeys.add(StateKeys.subject(id)));
        return changes.commit(() -> subjects.confirm(batch).map(confirmed -> Changed.of(confirmed, stateKeys)))
                .invoke(() -> batch.forEach(toConfirm::remove))
                .replaceWithVoid();
    }

    /** Purges every pending subject past its deadline, batch after batch. @return how many were purged */
    public Uni<Long> purgeExpired() {
        return purgeBatches(0L);
    }

    private Uni<Long> purgeBatches(long total) {
        return purgeOneBatch().chain(purged -> purged == 0
                ? Uni.createFrom().item(total)
                : purgeBatches(total + purged));
    }

    /**
     * One transaction: the data keys are shredded first (Art. 17 as for an erasure, so that no backup can read what
     * was encrypted for them), then the subjects are deleted with their identifiers, objections and sources; the
     * audit trail gets the counts only.
     */
    private Uni<Integer> purgeOneBatch() {
        Instant now = Timestamps.now();
        return changes.commit(() -> subjects.findPendingPast(now, config.purgeBatchSize()).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(Changed.none(0));
            }
            List<UUID> ids = due.stream().map(subject -> subject.id).toList();
            return identifiers.findBySubjects(ids).chain(held -> shredAll(ids)
                    .chain(() -> subjects.deleteAll(ids))
                    .chain(() -> audit.pendingSubjectsPurged(ids.size(), held.size()))
                    .map(done -> Changed.of(ids.size(), stateKeys(due, held))));
        }));
    }

    private Uni<Void> shredAll(Collection<UUID> ids) {
        return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(keys::shred)
                .collect().last().replaceWithVoid();
    }

    private static Set<String> stateKeys(List<Subject> purged, List<SubjectIdentifier> held) {
        Set<String> stateKeys = new LinkedHashSet<>();
        purged.forEach(subject -> stateKeys.add(StateKeys.subject(subject.id)));
        held.forEach(identifier -> stateKeys.add(StateKeys.identifier(identifier.blindIndex)));
        return stateKeys;
    }
}
