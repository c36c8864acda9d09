package io.privacygate.consent.service.decisions;

import io.privacygate.commons.crypto.BlindIndex;
import io.privacygate.consent.api.DecisionRequest;
import io.privacygate.consent.api.DecisionView;
import io.privacygate.consent.api.SubjectReference;
import io.privacygate.consent.model.PurposeRule;
import io.privacygate.consent.model.SubjectState;
import io.privacygate.consent.service.audit.ConsentAudit.DeniedDecision;
import io.privacygate.consent.service.audit.ConsentAudit;
import io.privacygate.consent.service.decisionstate.DecisionCache;
import io.privacygate.consent.service.subjects.IndexedIdentifier;
import io.privacygate.consent.service.subjects.PendingSubjects;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decides from memory ({@link DecisionCache}): a batch costs no database round trip when its state is
 * cached, and at most one per kind of state when it is not. Denied decisions are audited before the
 * answer is sent.
 */
@ApplicationScoped
public class DecisionService {
    private final DecisionCache cache;
    private final BlindIndex blindIndex;
    private final ConsentAudit audit;
    private final PendingSubjects pending;
    private final PlatformTerms platformTerms;

    DecisionService(DecisionCache cache, BlindIndex blindIndex, ConsentAudit audit, PendingSubjects pending,
                    PlatformTerms platformTerms) {
        this.cache = cache;
        this.blindIndex = blindIndex;
        this.audit = audit;
        this.pending = pending;
        this.platformTerms = platformTerms;
    }

    public Uni<DecisionView> decide(DecisionRequest query, boolean gpc) {
        return decideAll(List.of(query), gpc, false).map(answers -> answers.get(0));
    }

    /** The answers in the order of the queries. */
    public Uni<List<DecisionView>> decideAll(List<DecisionRequest> queries, boolean gpc) {
        return decideAll(queries, gpc, true);
    }

    private Uni<List<DecisionView>> decideAll(List<DecisionRequest> queries, boolean gpc, boolean batch) {
        for (int i = 0; i < queries.size(); i++) {
            DecisionRequest q = queries.get(i);
            SubjectReference.check(q.subjectId(), q.identifiers(), prefix(batch, i));
        }
        return subjectsNamed(queries, batch).chain(named -> {
            Set<UUID> ids = new HashSet<>();
            named.forEach(subject -> {
                if (subject.id() != null) {
                    ids.add(subject.id());
                }
            });
            return Uni.combine().all().unis(cache.purposes(), cache.subjects(ids)).asTuple()
                    .chain(state -> answer(queries, named, state.getItem1(), state.getItem2(), gpc));
        });
    }

    private Uni<List<DecisionView>> answer(List<DecisionRequest> queries, List<NamedSubject> named,
                                           Map<String, PurposeRule> purposes, Map<UUID, SubjectState> subjects, boolean gpc) {
        List<DecisionView> answers = new ArrayList<>(queries.size());
        List<DeniedDecision> denied = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            DecisionRequest q = queries.get(i);
            NamedSubject subject = named.get(i);
            PurposeRule purpose = purposes.get(q.purpose());
            SubjectState state = subject.id() == null ? null : subjects.get(subject.id());
            DecisionView answer = subject.ambiguous()
                    ? DecisionRules.ambiguous(purpose)
                    : DecisionRules.decide(purpose, state, q.channel(),
                    platformTerms.allow(q.channel(), q.sourceKind(), q.purpose()), gpc);
            answers.add(answer);
            // A basis to process is a basis to keep the person (#20, point 1): confirmed off the hot path.
            if (answer.permitted() && state.pending()) {
                pending.confirmLater(state.subjectId());
            }
            if (!answer.permitted()) {
                denied.add(new DeniedDecision(subject.id(), q.purpose(), q.channel(), q.sourceKind(), gpc, answer));
            }
        }
        return audit.decisionsDenied(denied).replaceWith(answers);
    }

    /** The subject each query names: by id, or by the one subject its identifiers belong to. */
    private Uni<List<NamedSubject>> subjectsNamed(List<DecisionRequest> queries, boolean batch) {
        boolean anyByIdentifiers = queries.stream().anyMatch(q -> q.subjectId() == null);
        if (!anyByIdentifiers) {
            return Uni.createFrom().item(queries.stream().map(q -> new NamedSubject(q.subjectId(), false)).toList());
        }
        return Multi.createFrom().range(0, queries.size())
                .onItem().transformToUniAndConcatenate(i -> {
                    DecisionRequest q = queries.get(i);
                    if (q.subjectId() != null) {
                        return Uni.createFrom().item(List.<String>of());
                    }
                    return IndexedIdentifier.of(blindIndex, q.identifiers(), prefix(batch, i) + "identifiers")
                            .map(indexed -> List.copyOf(indexed.keySet()));
                })
                .collect().asList()
                .chain(indexesPerQuery -> {
                    Set<String> all = new LinkedHashSet<>();
                    indexesPerQuery.forEach(all::addAll);
                    return cache.subjectsByBlindIndex(all).map(owners -> {
                        List<NamedSubject> named = new ArrayList<>(queries.size());
                        for (int i = 0; i < queries.size(); i++) {
                            DecisionRequest q = queries.get(i);
                            if (q.subjectId() != null) {
                                named.add(new NamedSubject(q.subjectId(), false));
                                continue;
                            }
                            Set<UUID> matched = new HashSet<>();
                            indexesPerQuery.get(i).forEach(index -> {
                                UUID owner = owners.get(index);
                                if (owner != null) {
                                    matched.add(owner);
                                }
                            });
                            named.add(matched.size() > 1 ? new NamedSubject(null, true)
                                    : new NamedSubject(matched.isEmpty() ? null : matched.iterator().next(), false));
                        }
                        return named;
                    });
                });
    }

    private static String prefix(boolean batch, int index) {
        return batch ? "queries[" + index + "]." : "";
    }

    /** The subject of a query: null when unknown; {@code ambiguous} when its identifiers name several. */
    private record NamedSubject(UUID id, boolean ambiguous) {
    }
}
