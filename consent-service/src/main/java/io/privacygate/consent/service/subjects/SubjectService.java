package io.privacygate.consent.service.subjects;

import io.privacygate.commons.crypto.BlindIndex;
import io.privacygate.commons.crypto.SubjectCipher;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.consent.api.BatchResolveResult;
import io.privacygate.consent.api.IdentifierView;
import io.privacygate.consent.api.LookupResult;
import io.privacygate.consent.api.ResolveRequest;
import io.privacygate.consent.api.ResolveResult;
import io.privacygate.consent.api.SubjectView;
import io.privacygate.consent.model.Subject;
import io.privacygate.consent.model.SubjectIdentifier;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.SubjectIdentifierRepository;
import io.privacygate.consent.repository.SubjectRepository;
import io.privacygate.consent.repository.SubjectSourceRepository;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.service.audit.ConsentAudit;
import io.privacygate.consent.service.decisionstate.Changed;
import io.privacygate.consent.service.decisionstate.StateChanges;
import io.privacygate.consent.service.decisionstate.StateKeys;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Subjects and their identifiers: found by blind index, stored encrypted, linked but never merged. */
@ApplicationScoped
public class SubjectService {
    private final SubjectRepository subjects;
    private final SubjectIdentifierRepository identifiers;
    private final SubjectKeys keys;
    private final BlindIndex blindIndex;
    private final ConsentAudit audit;
    private final StateChanges changes;
    private final PendingSubjects pending;
    private final SubjectSourceRepository sources;
    private final ConsentConfig config;

    SubjectService(SubjectRepository subjects, SubjectIdentifierRepository identifiers, SubjectKeys keys,
                   BlindIndex blindIndex, ConsentAudit audit, StateChanges changes, PendingSubjects pending,
                   SubjectSourceRepository sources, ConsentConfig config) {
        this.sources = sources;
        this.config = config;
        this.subjects = subjects;
        this.identifiers = identifiers;
        this.keys = keys;
        this.blindIndex = blindIndex;
        this.audit = audit;
        this.changes = changes;
        this.pending = pending;
    }

    /**
     * For ingestion: the person behind a platform event, before anything says they may be kept. A person created here
     * is pending (issue #20, point 1) and purged at its deadline unless a consent, a data subject request or a
     * permitted decision confirms them.
     */
    public Uni<ResolveResult> resolve(ResolveRequest request) {
        Instant now = Timestamps.now();
        Instant obtainedAt = obtainedAt(request, now, "");
        return changes.commit(() -> resolveWithin(request.identifiers(), "identifiers", pending.deadlineFrom(now))
                .call(resolved -> recordSource(resolved.value().subjectId(), request.source(), obtainedAt, now)));
    }

    /**
     * When the data was obtained (Art. 14(3)(a) counts from it): as given, or now. Never in the future, beyond the
     * clock skew allowed for evidence; a date without a source says nothing and is refused.
     */
    private Instant obtainedAt(ResolveRequest request, Instant now, String prefix) {
        if (request.obtainedAt() == null) {
            return now;
        }
        if (request.source() == null) {
            throw ProblemException.invalidField(prefix + "obtainedAt", "needs a source");
        }
        if (request.obtainedAt().isAfter(now.plus(config.evidence().maxClockSkew()))) {
            throw ProblemException.invalidField(prefix + "obtainedAt", "must not be in the future");
        }
        return request.obtainedAt();
    }

    private Uni<Void> recordSource(UUID subjectId, String source, Instant obtainedAt, Instant now) {
        return source == null ? Uni.createFrom().voidItem() : sources.record(subjectId, source, obtainedAt, now);
    }

    /**
     * Many people at once, in request order and in one transaction, so that the same person twice (or two
     * entries sharing an identifier) resolve to one subject. Set-based: one lock and one find for every
     * identifier of the batch, one key lookup for every subject written to. An entry whose identifiers belong
     * to two subjects is refused on its own, as {@link #resolve} refuses it, without failing the others.
     */
    public Uni<BatchResolveResult> resolveBatch(List<ResolveRequest> people) {
        Instant now = Timestamps.now();
        List<Instant> obtained = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            obtained.add(obtainedAt(people.get(i), now, "people[" + i + "]."));
        }
        return changes.commit(() -> Multi.createFrom().range(0, people.size())
                .onItem().transformToUniAndConcatenate(i -> IndexedIdentifier.of(blindIndex, people.get(i).identifiers(),
                        "people[" + i + "].identifiers"))
                .collect().asList()
                .chain(this::resolveAllWithin)
                .call(resolved -> recordSources(people, obtained, resolved.value().results(), now)));
    }

    /** Each resolved entry's source, in request order (an entry refused as two subjects records none). */
    private Uni<Void> recordSources(List<ResolveRequest> people, List<Instant> obtained,
                                    List<BatchResolveResult.Entry> results, Instant now) {
        return Multi.createFrom().range(0, people.size())
                .onItem().transformToUniAndConcatenate(i -> results.get(i).subjectId() == null
                        ? Uni.createFrom().voidItem()
                        : recordSource(results.get(i).subjectId(), people.get(i).source(), obtained.get(i), now))
                .collect().last().replaceWithVoid();
    }

    private Uni<Changed<BatchResolveResult>> resolveAllWithin(List<Map<String, IndexedIdentifier>> people) {
        Set<String> all = new TreeSet<>();
        people.forEach(person -> all.addAll(person.keySet()));
        return identifiers.lockBlindIndexes(all)
                .chain(() -> identifiers.findByBlindIndexes(all))
                .chain(existing -> {
                    Map<String, UUID> owners = new HashMap<>();
                    existing.forEach(i -> owners.put(i.blindIndex, i.subjectId));
                    Map<UUID, List<IndexedIdentifier>> fresh = new LinkedHashMap<>();
                    Set<UUID> created = new LinkedHashSet<>();
                    List<BatchResolveResult.Entry> results = new ArrayList<>(people.size());
                    for (Map<String, IndexedIdentifier> person : people) {
                        Set<UUID> owning = person.keySet().stream().map(owners::get).filter(Objects::nonNull)
                                .collect(Collectors.toSet());
                        if (owning.size() > 1) {
                            results.add(BatchResolveResult.Entry.refusedAs(BatchResolveResult.DIFFERENT_SUBJECTS));
                            continue;
                        }
                        boolean isNew = owning.isEmpty();
                        UUID subjectId = isNew ? UUID.randomUUID() : owning.iterator().next();
                        if (isNew) {
                            created.add(subjectId);
                        }
                        for (IndexedIdentifier identifier : person.values()) {
                            if (owners.putIfAbsent(identifier.blindIndex(), subjectId) == null) {
                                fresh.computeIfAbsent(subjectId, id -> new ArrayList<>()).add(identifier);
                            }
                        }
                        results.add(BatchResolveResult.Entry.resolved(subjectId, isNew));
                    }
                    Set<String> stateKeys = new LinkedHashSet<>();
                    fresh.forEach((subjectId, linked) -> stateKeys.addAll(stateKeys(subjectId, linked)));
                    return createAll(created).chain(() -> storeAll(fresh))
                            .chain(() -> auditAll(created, fresh))
                            .map(done -> Changed.of(new BatchResolveResult(results), stateKeys));
                });
    }

    private Uni<Void> createAll(Collection<UUID> created) {
        if (created.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Timestamps.now();
        Instant pendingUntil = pending.deadlineFrom(now);
        return subjects.persist(created.stream().map(id -> Subject.pending(id, now, pendingUntil)).toList())
                .chain(subjects::flush);
    }

    /** As {@link #store}, for many subjects: their data keys in one go. */
    private Uni<Void> storeAll(Map<UUID, List<IndexedIdentifier>> fresh) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Timestamps.now();
        return keys.forWriting(fresh.keySet()).chain(ciphers -> identifiers.persist(fresh.entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(i -> SubjectIdentifier.of(e.getKey(), i.type(), i.blindIndex(),
                                ciphers.get(e.getKey()).encrypt(SubjectIdentifier.value(i.type()), i.normalized()), now)))
                        .toList()))
                .chain(identifiers::flush);
    }

    /** The same events as {@link #resolve}: one per subject created, or per subject given new identifiers. */
    private Uni<Void> auditAll(Set<UUID> created, Map<UUID, List<IndexedIdentifier>> fresh) {
        return Multi.createFrom().iterable(fresh.entrySet())
                .onItem().transformToUniAndConcatenate(e -> created.contains(e.getKey())
                        ? audit.subjectCreated(e.getKey(), types(e.getValue()))
                        : audit.identifiersLinked(e.getKey(), types(e.getValue())))
                .collect().last().replaceWithVoid();
    }

    /**
     * The subject holding these identifiers, without creating or linking anything: a rights request from a
     * person we hold nothing about must leave no trace of them (404). Two different owners are a 409, as in
     * {@link #resolve}. A request naming a pending subject confirms it: it is kept while the request is worked.
     */
    @WithTransaction
    public Uni<LookupResult> lookup(List<Identifier> given) {
        return IndexedIdentifier.of(blindIndex, given, "identifiers")
                .chain(indexed -> identifiers.findByBlindIndexes(indexed.keySet()))
                .map(existing -> {
                    Set<UUID> owners = existing.stream().map(i -> i.subjectId).collect(Collectors.toSet());
                    if (owners.size() > 1) {
                        throw ProblemException.conflict("The identifiers belong to different subjects.");
                    }
                    if (owners.isEmpty()) {
                        throw ProblemException.notFound("No subject holds these identifiers.");
                    }
                    return new LookupResult(owners.iterator().next());
                })
                .call(found -> pending.confirm(found.subjectId()));
    }

    /**
     * Inside a transaction: the subject these identifiers belong to, created if none does, with the
     * identifiers it did not have yet linked to it. Identifiers of two different subjects are refused
     * (409): merging people is a decision for an operator, not a side effect of a lookup.
     */
    public Uni<Changed<ResolveResult>> resolveWithin(List<Identifier> given, String field) {
        return resolveWithin(given, field, null);
    }

    /** As {@link #resolveWithin(List, String)}; a subject created is pending until {@code pendingUntil} when given. */
    private Uni<Changed<ResolveResult>> resolveWithin(List<Identifier> given, String field, Instant pendingUntil) {
        return IndexedIdentifier.of(blindIndex, given, field).chain(indexed -> identifiers.lockBlindIndexes(indexed.keySet())
                .chain(() -> identifiers.findByBlindIndexes(indexed.keySet()))
                .chain(existing -> {
                    Set<UUID> owners = existing.stream().map(i -> i.subjectId).collect(Collectors.toSet());
                    if (owners.size() > 1) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "The identifiers belong to different subjects; they are not merged."));
                    }
                    Set<String> known = existing.stream().map(i -> i.blindIndex).collect(Collectors.toSet());
                    List<IndexedIdentifier> fresh = indexed.values().stream()
                            .filter(i -> !known.contains(i.blindIndex())).toList();
                    if (owners.isEmpty()) {
                        return create(fresh, pendingUntil);
                    }
                    return link(owners.iterator().next(), fresh);
                }));
    }

    private Uni<Changed<ResolveResult>> create(List<IndexedIdentifier> fresh, Instant pendingUntil) {
        Subject subject = Subject.pending(UUID.randomUUID(), Timestamps.now(), pendingUntil);
        return subjects.persistAndFlush(subject)
                .chain(() -> store(subject.id, fresh))
                .chain(() -> audit.subjectCreated(subject.id, types(fresh)))
                .map(done -> Changed.of(new ResolveResult(subject.id, true), stateKeys(subject.id, fresh)));
    }

    private Uni<Changed<ResolveResult>> link(UUID subjectId, List<IndexedIdentifier> fresh) {
        ResolveResult result = new ResolveResult(subjectId, false);
        if (fresh.isEmpty()) {
            return Uni.createFrom().item(Changed.none(result));
        }
        return store(subjectId, fresh)
                .chain(() -> audit.identifiersLinked(subjectId, types(fresh)))
                .map(done -> Changed.of(result, stateKeys(subjectId, fresh)));
    }

    /** Encrypts each value under the subject's data key; the plaintext never reaches the database. */
    Uni<Void> store(UUID subjectId, Collection<IndexedIdentifier> fresh) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Timestamps.now();
        return keys.forWriting(subjectId).chain(cipher -> identifiers.persist(fresh.stream()
                        .map(i -> SubjectIdentifier.of(subjectId, i.type(), i.blindIndex(), cipher.encrypt(SubjectIdentifier.value(i.type()), i.normalized()), now))
                        .toList()))
                .chain(identifiers::flush);
    }

    /** The subject, with its identifiers decrypted when {@code disclose} (the caller may see them). */
    @WithTransaction
    public Uni<SubjectView> get(UUID subjectId, boolean disclose) {
        return subjects.findById(subjectId).chain(subject -> {
            if (subject == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No such subject."));
            }
            if (!disclose) {
                return Uni.createFrom().item(view(subject, null));
            }
            return identifiers.findBySubject(subjectId)
                    .chain(found -> keys.forReading(subjectId).map(cipher -> decrypt(cipher, found)))
                    .call(decrypted -> audit.identifiersDisclosed(subjectId, decrypted.size()))
                    .map(decrypted -> view(subject, decrypted));
        });
    }

    /** Inside a session: the subject a request body refers to, or 422 when there is none (or no longer). */
    public Uni<Subject> requireExisting(UUID subjectId) {
        return subjects.findById(subjectId).onItem().ifNull()
                .failWith(() -> ProblemException.unprocessable("No such subject."));
    }

    /** Inside a session: the subject named in a path, or 404. */
    public Uni<Subject> requireFound(UUID subjectId) {
        return subjects.findById(subjectId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No such subject."));
    }

    static List<IdentifierView> decrypt(SubjectCipher cipher, List<SubjectIdentifier> stored) {
        return stored.stream().map(i -> new IdentifierView(i.type, cipher.decrypt(SubjectIdentifier.value(i.type), i.valueEncrypted), i.createdAt)).toList();
    }

    static Set<String> stateKeys(UUID subjectId, Collection<IndexedIdentifier> identifiers) {
        Set<String> stateKeys = new LinkedHashSet<>();
        stateKeys.add(StateKeys.subject(subjectId));
        identifiers.forEach(i -> stateKeys.add(StateKeys.identifier(i.blindIndex())));
        return stateKeys;
    }

    private static List<IdentifierType> types(Collection<IndexedIdentifier> identifiers) {
        return identifiers.stream().map(IndexedIdentifier::type).toList();
    }

    private static SubjectView view(Subject subject, List<IdentifierView> identifiers) {
        return new SubjectView(subject.id, subject.restricted, subject.restrictionChangedAt, subject.createdAt, identifiers);
    }
}
