package io.privacygate.ingestion.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierNormalizer;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.ingestion.config.IngestionConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls to consent-service, with this service's client-credentials token. Failures are sorted into
 * "wait" ({@link ConsentUnavailableException}) and "this request will never pass" (identifiers refused,
 * an unknown purpose).
 * <p>
 * Resolved identifier sets are remembered briefly: resolving the same set again links nothing new, and a
 * busy commenter must not cost a call per comment. The cache holds digests, not identifiers, and forgets
 * a subject when it is erased here.
 */
@ApplicationScoped
public class ConsentClient {
    /** consent-service answers at most this many queries per batch call. */
    public static final int MAX_BATCH = 500;

    private final ConsentApi api;
    private final Cache<String, UUID> subjects;
    private final Cache<String, Optional<ConsentDtos.PurposeDefinition>> purposes;

    ConsentClient(@RestClient ConsentApi api, IngestionConfig config) {
        this.api = api;
        this.subjects = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(config.caches().subjectTtl()).build();
        this.purposes = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(config.caches().purposeTtl()).build();
    }

    /**
     * The subject each person's identifiers belong to, linking them together, in the order of {@code people};
     * empty for a person whose identifiers cannot name a subject (none is well-formed, or consent-service
     * refused them). Malformed identifiers are left out. Sets resolved before cost nothing; the rest go to
     * consent-service in batch calls of at most {@value #MAX_BATCH}, each set once. If a call fails, so does
     * the whole resolution ({@link ConsentUnavailableException}): nothing is decided without it.
     */
    public Uni<List<Optional<UUID>>> resolveAll(List<ConsentDtos.Person> people) {
        List<String> keys = new ArrayList<>(people.size());
        Map<String, Optional<UUID>> answered = new ConcurrentHashMap<>();
        Map<String, ConsentDtos.Person> unknown = new LinkedHashMap<>();
        for (ConsentDtos.Person person : people) {
            List<Identifier> identifiers = person.identifiers();
            List<Identifier> wellFormed = new ArrayList<>();
            List<String> normalized = new ArrayList<>();
            for (Identifier identifier : identifiers) {
                try {
                    normalized.add(identifier.type().wireName() + ":"
                            + IdentifierNormalizer.normalize(identifier.type(), identifier.value(), "identifier"));
                    wellFormed.add(identifier);
                } catch (ProblemException malformed) {
                    // a lead's mistyped e-mail address must not block its other identifiers
                }
            }
            // the source is part of the key: a person met again through another source is resolved again, so that
            // consent-service records that source too (Art. 14)
            if (person.source() != null) {
                normalized.add("source:" + person.source());
            }
            String key = wellFormed.isEmpty() ? null : digest(normalized);
            keys.add(key);
            UUID known = key == null ? null : subjects.getIfPresent(key);
            if (known != null) {
                answered.put(key, Optional.of(known));
            } else if (key != null) {
                unknown.putIfAbsent(key, new ConsentDtos.Person(wellFormed, person.source(), person.obtainedAt()));
            }
        }
        List<Map.Entry<String, ConsentDtos.Person>> pending = List.copyOf(unknown.entrySet());
        List<Uni<Void>> calls = new ArrayList<>();
        for (int from = 0; from < pending.size(); from += MAX_BATCH) {
            List<Map.Entry<String, ConsentDtos.Person>> chunk = pending.subList(from, Math.min(pending.size(), from + MAX_BATCH));
            ConsentDtos.BatchResolveRequest request = new ConsentDtos.BatchResolveRequest(chunk.stream().map(Map.Entry::getValue)
                    .map(p -> new ConsentDtos.ResolveRequest(p.identifiers(), p.source(), p.obtainedAt())).toList());
            calls.add(api.resolveAll(request)
                    .invoke(answer -> {
                        List<ConsentDtos.ResolveResult> results = answer == null ? null : answer.results();
                        if (results == null || results.size() != chunk.size()) {
                            throw new ConsentUnavailableException(null);
                        }
                        for (int i = 0; i < chunk.size(); i++) {
                            answered.put(chunk.get(i).getKey(), subjectOf(results.get(i)));
                        }
                    })
                    .replaceWithVoid());
        }
        Uni<Void> all = calls.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(calls).andFailFast().replaceWithVoid();
        return all
                .onFailure().transform(ConsentClient::unavailable)
                .map(ignored -> {
                    answered.forEach((key, subjectId) -> subjectId.ifPresent(id -> subjects.put(key, id)));
                    List<Optional<UUID>> resolved = new ArrayList<>(keys.size());
                    for (String key : keys) {
                        resolved.add(key == null ? Optional.empty() : answered.get(key));
                    }
                    return resolved;
                });
    }

    /** A refusal means these identifiers will never name one subject; an answer with neither is no answer. */
    private static Optional<UUID> subjectOf(ConsentDtos.ResolveResult result) {
        if (result != null && result.refused() != null) {
            return Optional.empty();
        }
        if (result == null || result.subjectId() == null) {
            throw new ConsentUnavailableException(null);
        }
        return Optional.of(result.subjectId());
    }

    /** Answers in the order of the queries, in calls of at most {@value #MAX_BATCH}. */
    public Uni<List<ConsentDtos.Decision>> decide(List<ConsentDtos.DecisionQuery> queries, boolean gpc) {
        if (queries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<List<ConsentDtos.Decision>>> calls = new ArrayList<>();
        for (int from = 0; from < queries.size(); from += MAX_BATCH) {
            List<ConsentDtos.DecisionQuery> chunk = queries.subList(from, Math.min(queries.size(), from + MAX_BATCH));
            calls.add(api.decideAll(gpc ? "1" : null, new ConsentDtos.BatchDecisionRequest(chunk))
                    .map(ConsentDtos.BatchDecisions::decisions)
                    .invoke(answers -> {
                        if (answers == null || answers.size() != chunk.size()) {
                            throw new ConsentUnavailableException(null);
                        }
                    }));
        }
        return Uni.join().all(calls).andFailFast()
                .map(chunks -> chunks.stream().flatMap(List::stream).toList())
                .onFailure().transform(ConsentClient::unavailable);
    }

    public Uni<ConsentDtos.Decision> decide(ConsentDtos.DecisionQuery query) {
        return api.decide(query)
                .onFailure().transform(ConsentClient::unavailable);
    }

    /** The purpose's current definition; empty when consent-service has no such purpose. */
    public Uni<Optional<ConsentDtos.PurposeDefinition>> purpose(String key) {
        Optional<ConsentDtos.PurposeDefinition> known = purposes.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return api.purpose(key)
                .map(Optional::of)
                .onFailure(e -> Failures.status(e) == 404).recoverWithItem(Optional.empty())
                .onFailure().transform(ConsentClient::unavailable)
                .invoke(definition -> purposes.put(key, definition));
    }

    /**
     * Records a consent event. The {@code Idempotency-Key} makes a repeat (a round retried) return the first event; an
     * event that is already the subject's current one (409) is recorded as well. Answers false when consent-service
     * refuses the event for good (an unknown or non-consent purpose, say); fails with {@link ConsentUnavailableException}
     * when it cannot answer now.
     */
    public Uni<Boolean> record(String idempotencyKey, ConsentDtos.ConsentEvent event) {
        return api.record(idempotencyKey, event)
                .replaceWith(true)
                .onFailure(e -> Failures.status(e) == 409).recoverWithItem(true)
                .onFailure(Failures::isRefusal).recoverWithItem(false)
                .onFailure().transform(ConsentClient::unavailable);
    }

    /** After an erasure here, the next event of this person resolves afresh. */
    public void forgetSubject(UUID subjectId) {
        subjects.asMap().values().removeIf(subjectId::equals);
    }

    private static Throwable unavailable(Throwable failure) {
        return failure instanceof ConsentUnavailableException ? failure : new ConsentUnavailableException(failure);
    }

    private static String digest(List<String> normalized) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            normalized.stream().sorted().forEach(value -> {
                sha.update(value.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
