package io.privacygate.ingestion.service.crm;

import io.privacygate.commons.crypto.BlindIndex;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.ingestion.repository.SuppressionRepository;
import io.privacygate.ingestion.model.SocialEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Art. 17: a person erased here stays erased. Platforms redeliver, and old exports get imported: an event about
 * an erased platform id, written no later than its erasure, is dropped before anyone is resolved or anything
 * stored. What happened after the erasure is new and is processed as usual (consent-service decides on it).
 * Only platform ids are suppressed, as blind indexes (issue 18: "blind indexes of erased platform ids, nothing
 * else"); e-mail addresses and phone numbers from lead forms are not.
 */
@ApplicationScoped
public class Suppression {
    /** The reason recorded in audit events; never who. */
    public static final String REASON = "erased-subject";
    private static final Set<IdentifierType> PLATFORM_IDS =
            EnumSet.of(IdentifierType.FACEBOOK, IdentifierType.INSTAGRAM, IdentifierType.LINKEDIN, IdentifierType.X);

    private final BlindIndex blindIndex;
    private final SuppressionRepository repository;

    Suppression(BlindIndex blindIndex, SuppressionRepository repository) {
        this.blindIndex = blindIndex;
        this.repository = repository;
    }

    /** One of an event's platform ids, as its blind index. */
    public record PlatformId(String platform, String blindIndex) {
    }

    /** The blind indexes of each event's platform ids, in the events' order. */
    public <T> Uni<Map<T, List<PlatformId>>> platformIds(Map<T, SocialEvent> events) {
        Map<T, List<PlatformId>> result = new LinkedHashMap<>();
        List<T> owners = new ArrayList<>();
        List<Uni<PlatformId>> lookups = new ArrayList<>();
        events.forEach((key, event) -> {
            result.put(key, new ArrayList<>());
            event.identifiers().stream().filter(identifier -> PLATFORM_IDS.contains(identifier.type())).forEach(identifier -> {
                owners.add(key);
                lookups.add(indexOf(identifier));
            });
        });
        if (lookups.isEmpty()) {
            return Uni.createFrom().item(result);
        }
        // joined in the order given, so the i-th index belongs to the i-th owner
        return Uni.join().all(lookups).andFailFast().map(indexes -> {
            for (int i = 0; i < indexes.size(); i++) {
                if (indexes.get(i) != null) {
                    result.get(owners.get(i)).add(indexes.get(i));
                }
            }
            return result;
        });
    }

    /** When each of these platform ids was erased, for those on the list. */
    public Uni<Map<String, Instant>> erasures(Collection<List<PlatformId>> ids) {
        return repository.erasedAt(ids.stream().flatMap(List::stream).map(PlatformId::blindIndex).distinct().toList());
    }

    /** Suppressed: about an erased platform id, and not after its erasure (its trusted time, see {@code Payloads}). */
    public static boolean suppressed(SocialEvent event, List<PlatformId> ids, Map<String, Instant> erasures) {
        return ids.stream().map(id -> erasures.get(id.blindIndex())).filter(Objects::nonNull)
                .anyMatch(erasedAt -> !event.occurredAt().isAfter(erasedAt));
    }

    /** An id that does not normalise is not one consent-service would resolve either: it has no index. */
    private Uni<PlatformId> indexOf(Identifier identifier) {
        return Uni.createFrom().deferred(() -> blindIndex.of(identifier, "identifier"))
                .map(index -> new PlatformId(identifier.type().wireName(), index))
                .onFailure(ProblemException.class).recoverWithNull();
    }
}
