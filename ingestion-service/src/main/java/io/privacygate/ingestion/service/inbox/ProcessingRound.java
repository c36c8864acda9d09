package io.privacygate.ingestion.service.inbox;

import io.privacygate.ingestion.client.ConsentDtos;
import io.privacygate.ingestion.model.Action;
import io.privacygate.ingestion.model.ClaimedDelivery;
import io.privacygate.ingestion.model.SocialEvent;
import io.privacygate.ingestion.repository.SuppressionRepository;
import io.privacygate.ingestion.service.crm.Suppression;
import io.privacygate.ingestion.service.inbox.Outcome.Candidate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one inbox round: its candidates, and what has been learnt about each (duplicate, skipped,
 * its subject, its decision), until every candidate of a delivery not left waiting has an {@link Outcome}.
 * Resolutions and decisions arrive from concurrent calls, hence the concurrent maps.
 */
final class ProcessingRound {
    final List<ClaimedDelivery> claimed;
    private final PurposeMapping purposes;
    final Map<Candidate, Outcome> settled = new LinkedHashMap<>();
    final List<Candidate> candidates = new ArrayList<>();
    final Map<Candidate, UUID> subjects = new ConcurrentHashMap<>();
    final Map<Candidate, ConsentDtos.Decision> decisions = new ConcurrentHashMap<>();
    final Map<Candidate, List<Suppression.PlatformId>> platformIds = new ConcurrentHashMap<>();
    final Map<String, Optional<ConsentDtos.PurposeDefinition>> definitions = new HashMap<>();
    final Set<UUID> waiting = ConcurrentHashMap.newKeySet();
    final List<UUID> unreadable = new ArrayList<>();
    private final Set<String> keysSeen = new HashSet<>();

    ProcessingRound(List<ClaimedDelivery> claimed, PurposeMapping purposes) {
        this.claimed = claimed;
        this.purposes = purposes;
    }

    void add(Candidate candidate) {
        candidates.add(candidate);
        if (!keysSeen.add(candidate.eventKey())) {
            settled.put(candidate, new Outcome.Duplicate(candidate));
        }
    }

    List<String> openKeys() {
        return open().stream().map(Candidate::eventKey).toList();
    }

    void markKnown(Set<String> known) {
        for (Candidate candidate : open()) {
            if (known.contains(candidate.eventKey())) {
                settled.put(candidate, new Outcome.Duplicate(candidate));
            }
        }
    }

    /** Edits and removals at the source are settled at once: nobody is resolved and no decision asked for them. */
    void settleSourceChanges(Function<SocialEvent, List<String>> creationKeys) {
        for (Candidate candidate : open()) {
            if (candidate.event().action() != Action.CREATE) {
                settled.put(candidate, new Outcome.SourceChange(candidate, creationKeys.apply(candidate.event())));
            }
        }
    }

    /** Candidates not yet settled, whose delivery is not waiting. */
    synchronized List<Candidate> open() {
        return candidates.stream()
                .filter(c -> !settled.containsKey(c) && !waiting.contains(c.delivery().id()))
                .toList();
    }

    synchronized void replace(Candidate old, Candidate fresh) {
        candidates.set(candidates.indexOf(old), fresh);
    }

    synchronized void skip(Candidate candidate, UUID subjectId, String reason) {
        settled.put(candidate, new Outcome.Skipped(candidate, subjectId, purposes.purposeOf(candidate.event().kind()), reason));
    }

    void defer(ClaimedDelivery delivery) {
        waiting.add(delivery.id());
    }

    int attemptsOfWaiting() {
        return claimed.stream().filter(d -> waiting.contains(d.id())).mapToInt(ClaimedDelivery::attempts).max().orElse(1);
    }

    /** Every candidate of a delivery that is not waiting, with what becomes of it. */
    List<Outcome> outcomes() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (waiting.contains(candidate.delivery().id())) {
                continue;
            }
            Outcome outcome = settled.get(candidate);
            outcomes.add(outcome != null ? outcome : decided(candidate));
        }
        return outcomes;
    }

    private Outcome decided(Candidate candidate) {
        UUID subjectId = subjects.get(candidate);
        ConsentDtos.Decision decision = decisions.get(candidate);
        String purpose = purposes.purposeOf(candidate.event().kind());
        if (!decision.permitted() && !decision.storageOnly()) {
            return new Outcome.Denied(candidate, subjectId, purpose, decision, decision.reason());
        }
        Optional<ConsentDtos.PurposeDefinition> definition = definitions.getOrDefault(purpose, Optional.empty());
        if (definition.isEmpty()) {
            return new Outcome.Denied(candidate, subjectId, purpose, decision, "UNKNOWN_PURPOSE");
        }
        Optional<Instant> retainUntil = RetentionPeriod.until(candidate.event().occurredAt(), definition.get().retention());
        if (retainUntil.isEmpty()) {
            return new Outcome.Skipped(candidate, subjectId, purpose, "retention-unknown");
        }
        if (!retainUntil.get().isAfter(Instant.now())) {
            return new Outcome.Skipped(candidate, subjectId, purpose, "past-retention");
        }
        return new Outcome.Accepted(candidate, subjectId, purpose, decision, definition.get(), retainUntil.get());
    }

    /** Which platform ids each subject of the round was resolved from: an erasure suppresses them. */
    List<SuppressionRepository.Link> links() {
        Set<SuppressionRepository.Link> links = new LinkedHashSet<>();
        subjects.forEach((candidate, subjectId) -> {
            ConsentDtos.Decision decision = decisions.get(candidate);
            // Issue 20 point 1: a person nothing is kept of (no decision, or a denial) is not linked either
            boolean kept = decision != null && (decision.permitted() || decision.storageOnly());
            if (kept && !waiting.contains(candidate.delivery().id())) {
                for (Suppression.PlatformId id : platformIds.getOrDefault(candidate, List.of())) {
                    links.add(new SuppressionRepository.Link(subjectId, id.platform(), id.blindIndex()));
                }
            }
        });
        return List.copyOf(links);
    }

    /** Deliveries finished this round: all claimed, except those waiting. */
    List<ClaimedDelivery> done() {
        return claimed.stream().filter(d -> !waiting.contains(d.id())).toList();
    }
}
