package io.privacygate.consent.service.subjects;

import io.privacygate.commons.crypto.BlindIndex;
import io.privacygate.commons.keys.BackupWindow;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.commons.dsr.RestrictionState;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.consent.model.ConsentEvent;
import io.privacygate.consent.model.Subject;
import io.privacygate.consent.model.SubjectIdentifier;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.ConsentEventRepository;
import io.privacygate.consent.repository.SubjectIdentifierRepository;
import io.privacygate.consent.repository.SubjectRepository;
import io.privacygate.consent.repository.SubjectSourceRepository;
import io.privacygate.consent.service.audit.ConsentAudit;
import io.privacygate.consent.service.decisionstate.Changed;
import io.privacygate.consent.service.decisionstate.StateChanges;
import io.privacygate.consent.service.decisionstate.StateKeys;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * consent-service's side of the DSR participant contract (DESIGN §4). Every call is idempotent: dsr-service
 * retries until done, so a repeated call finds the work done and says so.
 */
@ApplicationScoped
public class DsrService {
    static final String SYSTEM = "consent-service";

    /**
     * What an erasure keeps: the consent events, as proof that processing was lawful (Art. 7(1)) for the
     * establishment, exercise or defence of legal claims (Art. 17(3)(e)). They keep only the pseudonymous
     * subject id, purpose, state, notice and times; the identifiers are deleted, the user agent was
     * encrypted under the shredded key and is removed with the IP pseudonym.
     */
    static final ErasureReceipt.RetainedData CONSENT_RECORDS = new ErasureReceipt.RetainedData("consent-records",
            "Art. 17(3)(e) GDPR; Art. 7(1) GDPR",
            "Proof of consent (purpose, state, notice version and hash, times, receipt) kept under the pseudonymous "
                    + "subject id only; identifiers deleted, data key shredded, IP pseudonym and user agent removed.");

    private final SubjectRepository subjects;
    private final SubjectIdentifierRepository identifiers;
    private final ConsentEventRepository events;
    private final SubjectKeys keys;
    private final BlindIndex blindIndex;
    private final SubjectService subjectService;
    private final ConsentAudit audit;
    private final StateChanges changes;
    private final BackupWindow backupWindow;
    private final PendingSubjects pending;
    private final SubjectSourceRepository sources;

    DsrService(SubjectRepository subjects, SubjectIdentifierRepository identifiers, ConsentEventRepository events,
               SubjectKeys keys, BlindIndex blindIndex, SubjectService subjectService, ConsentAudit audit,
               StateChanges changes, BackupWindow backupWindow, PendingSubjects pending,
               SubjectSourceRepository sources) {
        this.sources = sources;
        this.subjects = subjects;
        this.identifiers = identifiers;
        this.events = events;
        this.keys = keys;
        this.blindIndex = blindIndex;
        this.subjectService = subjectService;
        this.audit = audit;
        this.changes = changes;
        this.backupWindow = backupWindow;
        this.pending = pending;
    }

    /**
     * Art. 15/20: everything held about the subject, decrypted. A request naming a pending subject confirms it
     * (issue #20, point 1), as restriction and rectification do: it is kept while the request is worked.
     */
    @WithTransaction
    public Uni<DsrExport> export(UUID subjectId) {
        return subjectService.requireFound(subjectId).call(() -> pending.confirm(subjectId))
                .chain(subject -> identifiers.findBySubject(subjectId)
                .chain(stored -> events.findBySubject(subjectId).chain(history -> sources.findBySubject(subjectId)
                .chain(origins -> keys.forReading(subjectId).map(cipher -> {
                    Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
                    records.put("subject", List.of(row("subjectId", subject.id, "restricted", subject.restricted,
                            "restrictionChangedAt", subject.restrictionChangedAt, "createdAt", subject.createdAt)));
                    records.put("identifiers", SubjectService.decrypt(cipher, stored).stream()
                            .map(i -> row("type", i.type().wireName(), "value", i.value(), "linkedAt", i.linkedAt()))
                            .toList());
                    records.put("consentEvents", history.stream()
                            .map(e -> eventRow(e, cipher.decrypt(ConsentEvent.USER_AGENT, e.userAgentEncrypted))).toList());
                    // Art. 15(1)(g): where the data came from when it was not collected from the subject.
                    records.put("sources", origins);
                    return new DsrExport(SYSTEM, subjectId, Instant.now(), records);
                }))))
                .call(() -> audit.subjectExported(subjectId)));
    }

    /** Art. 17: crypto-shred first, then delete; the consent events stay as pseudonymous proof. */
    public Uni<ErasureReceipt> erase(UUID subjectId) {
        Instant now = Timestamps.now();
        return changes.commit(() -> subjects.findForUpdate(subjectId).chain(subject -> keys.shred(subjectId)
                .chain(shredded -> identifiers.findBySubject(subjectId).chain(stored -> deleteAll(subject, subjectId, now)
                        .chain(deleted -> receipt(subjectId, shredded, deleted, now))
                        .map(receipt -> Changed.of(receipt, stateKeys(subjectId, stored)))))));
    }

    private Uni<Map<String, Long>> deleteAll(Subject subject, UUID subjectId, Instant now) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        return identifiers.deleteBySubject(subjectId).invoke(count -> deleted.put("identifiers", count))
                .chain(() -> events.eraseEvidence(subjectId, now)).invoke(count -> deleted.put("consentEvidence", (long) count))
                .chain(() -> deleteSubject(subject)).invoke(count -> deleted.put("subject", count))
                .replaceWith(deleted);
    }

    /** A repeated erasure finds nothing left to do: it is not audited again, and its receipt says so. */
    private Uni<ErasureReceipt> receipt(UUID subjectId, boolean shredded, Map<String, Long> deleted, Instant now) {
        boolean anything = shredded || deleted.values().stream().anyMatch(count -> count > 0);
        Uni<Void> audited = anything ? audit.subjectErased(subjectId, shredded, deleted) : Uni.createFrom().voidItem();
        return audited.chain(() -> events.countBySubject(subjectId)).map(kept -> new ErasureReceipt(SYSTEM, subjectId, now,
                shredded, deleted, kept > 0 ? List.of(CONSENT_RECORDS) : List.of(),
                shredded ? backupWindow.unreadableAfter(now) : null));
    }

    /** Art. 18: while restricted, every decision for the subject is denied. */
    public Uni<RestrictionState> restrict(UUID subjectId, boolean restricted) {
        return changes.commit(() -> subjects.findForUpdate(subjectId).chain(subject -> {
            if (subject == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No such subject."));
            }
            subject.pendingUntil = null;
            if (subject.restricted == restricted) {
                return subjects.flush().replaceWith(Changed.none(state(subject)));
            }
            subject.restricted = restricted;
            subject.restrictionChangedAt = Timestamps.now();
            return subjects.flush()
                    .chain(() -> restricted ? audit.subjectRestricted(subjectId) : audit.restrictionLifted(subjectId))
                    .map(done -> Changed.of(state(subject), Set.of(StateKeys.subject(subjectId))));
        }));
    }

    /**
     * Art. 16: the identifiers given replace those of the same type. consent-service holds no other
     * personal field, so {@code fields} changes nothing here. A repeated call changes nothing more.
     */
    public Uni<RectificationResult> rectify(UUID subjectId, RectificationRequest request) {
        List<Identifier> given = request.identifiers() == null ? List.of() : request.identifiers();
        return changes.commit(() -> subjects.findForUpdate(subjectId).chain(subject -> {
            if (subject == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No such subject."));
            }
            subject.pendingUntil = null;
            if (given.isEmpty()) {
                return subjects.flush().replaceWith(Changed.none(new RectificationResult(SYSTEM, subjectId, List.of())));
            }
            return IndexedIdentifier.of(blindIndex, given, "identifiers").chain(indexed -> identifiers.lockBlindIndexes(indexed.keySet())
                    .chain(() -> identifiers.findByBlindIndexes(indexed.keySet()))
                    .chain(owned -> {
                        if (owned.stream().anyMatch(i -> !i.subjectId.equals(subjectId))) {
                            return Uni.createFrom().failure(ProblemException.conflict(
                                    "An identifier given belongs to another subject; subjects are not merged."));
                        }
                        return identifiers.findBySubject(subjectId).chain(current -> replace(subjectId, current, indexed));
                    }));
        }));
    }

    private Uni<Changed<RectificationResult>> replace(UUID subjectId, List<SubjectIdentifier> current,
                                                      Map<String, IndexedIdentifier> wanted) {
        Map<IdentifierType, Set<String>> wantedByType = wanted.values().stream().collect(Collectors.groupingBy(
                IndexedIdentifier::type, LinkedHashMap::new, Collectors.mapping(IndexedIdentifier::blindIndex, Collectors.toSet())));
        List<SubjectIdentifier> removed = new ArrayList<>();
        List<IndexedIdentifier> added = new ArrayList<>();
        List<String> rectified = new ArrayList<>();
        wantedByType.forEach((type, indexes) -> {
            List<SubjectIdentifier> ofType = current.stream().filter(i -> i.type == type).toList();
            Set<String> held = ofType.stream().map(i -> i.blindIndex).collect(Collectors.toSet());
            if (held.equals(indexes)) {
                return;
            }
            ofType.stream().filter(i -> !indexes.contains(i.blindIndex)).forEach(removed::add);
            wanted.values().stream().filter(i -> i.type() == type && !held.contains(i.blindIndex())).forEach(added::add);
            rectified.add("identifiers." + type.wireName());
        });
        RectificationResult result = new RectificationResult(SYSTEM, subjectId, List.copyOf(rectified));
        if (rectified.isEmpty()) {
            return Uni.createFrom().item(Changed.none(result));
        }
        Set<String> stateKeys = new LinkedHashSet<>(SubjectService.stateKeys(subjectId, added));
        removed.forEach(i -> stateKeys.add(StateKeys.identifier(i.blindIndex)));
        Uni<Void> deletions = Uni.createFrom().voidItem();
        for (SubjectIdentifier old : removed) {
            deletions = deletions.chain(() -> identifiers.delete(old));
        }
        return deletions.chain(identifiers::flush)
                .chain(() -> subjectService.store(subjectId, added))
                .chain(() -> audit.subjectRectified(subjectId, rectified))
                .map(done -> Changed.of(result, stateKeys));
    }

    private Uni<Long> deleteSubject(Subject subject) {
        return subject == null ? Uni.createFrom().item(0L) : subjects.delete(subject).replaceWith(1L);
    }

    private static Set<String> stateKeys(UUID subjectId, List<SubjectIdentifier> stored) {
        Set<String> stateKeys = new LinkedHashSet<>();
        stateKeys.add(StateKeys.subject(subjectId));
        stored.forEach(i -> stateKeys.add(StateKeys.identifier(i.blindIndex)));
        return stateKeys;
    }

    private static RestrictionState state(Subject subject) {
        return new RestrictionState(SYSTEM, subject.id, subject.restricted, subject.restrictionChangedAt);
    }

    private static Map<String, Object> eventRow(ConsentEvent e, String userAgent) {
        return row("eventId", e.id, "receiptId", e.receiptId, "purpose", e.purposeKey, "purposeVersion", e.purposeVersion,
                "state", e.state.name(), "noticeVersion", e.noticeVersion,
                "noticeLanguage", e.noticeLanguage, "noticeHash", e.noticeHash,
                "collectionMethod", e.collectionMethod, "source", e.source, "formId", e.formId,
                "ipPseudonym", e.ipPseudonym, "userAgent", userAgent, "capturedAt", e.capturedAt, "recordedAt", e.recordedAt);
    }

    /** A flat export row; absent values are left out rather than written as null. */
    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                row.put((String) namesAndValues[i], value);
            }
        }
        return row;
    }
}
