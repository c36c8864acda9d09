package io.privacygate.ingestion.service.inbox;

import io.privacygate.commons.retry.Backoff;
import io.privacygate.ingestion.client.ConsentClient;
import io.privacygate.ingestion.client.ConsentDtos;
import io.privacygate.ingestion.client.GraphClient;
import io.privacygate.ingestion.client.GraphObjectGoneException;
import io.privacygate.ingestion.client.LinkedInObjectGoneException;
import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.model.Action;
import io.privacygate.ingestion.model.ClaimedDelivery;
import io.privacygate.ingestion.model.EventKind;
import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.repository.InboxRepository;
import io.privacygate.ingestion.repository.ProcessedEventRepository;
import io.privacygate.ingestion.service.IngestionMetrics;
import io.privacygate.ingestion.service.crm.Suppression;
import io.privacygate.ingestion.service.inbox.Outcome.Candidate;
import io.privacygate.ingestion.service.webhook.LeadForms;
import io.privacygate.ingestion.service.webhook.MentionedComments;
import io.privacygate.ingestion.model.SocialEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One round of the inbox: claim due deliveries, open their events, drop events seen before, set edits and removals at
 * the source aside (they resolve nobody and need no decision: {@link SourceChanges}), fetch leads' answers,
 * drop events about people erased here, resolve each person, ask consent-service for every decision in batches, then hand everything to
 * {@link EventStore}, which stores it in one transaction and removes the deliveries.
 * <p>
 * Fail closed: if consent-service, the key provider or the database fails, nothing of the round is stored
 * and its deliveries wait, with backoff, for the next round. A lead whose answers cannot be fetched yet
 * waits alone.
 * <p>
 * A round is a span whose parent is the trace context stored with its first delivery (the webhook call that
 * acknowledged it), the others linked, as the OpenTelemetry messaging conventions do for a batch that several traces
 * fed: the consent calls and the audit events of the round (whose outbox rows keep the current context) continue the
 * platform's trace.
 */
@ApplicationScoped
public class InboxProcessor {
    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);
    private static final int PLATFORM_FETCH_CONCURRENCY = 4;
    /** The Art. 14 source of data a DPO imported from a platform's export. */
    private static final String IMPORT_SOURCE = "import";

    private final InboxRepository inbox;
    private final ProcessedEventRepository processed;
    private final InboxKeys keys;
    private final InboxPayloads stored;
    private final ConsentClient consent;
    private final GraphClient graph;
    private final LinkedInLeads linkedInLeads;
    private final PurposeMapping purposes;
    private final EventStore store;
    private final Suppression suppression;
    private final IngestionMetrics metrics;
    private final IngestionConfig.Inbox config;
    private final Tracer tracer;

    InboxProcessor(InboxRepository inbox, ProcessedEventRepository processed, InboxKeys keys, InboxPayloads stored,
                   ConsentClient consent, GraphClient graph, LinkedInLeads linkedInLeads, PurposeMapping purposes, EventStore store,
                   Suppression suppression, IngestionMetrics metrics, IngestionConfig config, Tracer tracer) {
        this.inbox = inbox;
        this.processed = processed;
        this.keys = keys;
        this.stored = stored;
        this.consent = consent;
        this.graph = graph;
        this.linkedInLeads = linkedInLeads;
        this.purposes = purposes;
        this.store = store;
        this.suppression = suppression;
        this.metrics = metrics;
        this.config = config.inbox();
        this.tracer = tracer;
    }

    /** @return how many deliveries the round finished (stored, denied, skipped or dropped as duplicates) */
    public Uni<Integer> processRound() {
        return keys.cipher().chain(cipher -> {
            RoundTimings timings = new RoundTimings();
            return inbox.claim(config.claimSize(), config.lease())
                    .invoke(() -> timings.mark("claim"))
                    .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0) : inTrace(claimed,
                            () -> process(cipher, claimed, timings)));
        });
    }

    /**
     * Runs the round with its span current. Rounds run on a duplicated Vert.x context of their own ({@code InboxWorker}),
     * where Quarkus keeps the current span, so every later step of the round, on that context, sees it.
     */
    private Uni<Integer> inTrace(List<ClaimedDelivery> claimed, Supplier<Uni<Integer>> round) {
        List<Context> stored = claimed.stream()
                .map(delivery -> delivery.trace() == null ? Context.root() : delivery.trace().asParent()).toList();
        SpanBuilder builder = tracer.spanBuilder("inbox process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(stored.get(0))
                .setAttribute("messaging.batch.message_count", (long) claimed.size());
        stored.stream().skip(1).map(Span::fromContext).map(Span::getSpanContext)
                .filter(SpanContext::isValid).forEach(builder::addLink);
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        return Uni.createFrom().deferred(round::get)
                .onFailure().invoke(failure -> span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName()))
                .onTermination().invoke(() -> {
                    scope.close();
                    span.end();
                });
    }

    private Uni<Integer> process(InboxCipher cipher, List<ClaimedDelivery> claimed, RoundTimings timings) {
        ProcessingRound round = new ProcessingRound(claimed, purposes);
        for (ClaimedDelivery delivery : claimed) {
            try {
                List<SocialEvent> events = stored.read(delivery, cipher.open(delivery.id(), delivery.sealedPayload()));
                for (SocialEvent event : events) {
                    String itemKey = cipher.digest(event.itemLookup());
                    round.add(new Candidate(delivery, event, cipher.digest(event.dedupeKey()), itemKey,
                            ItemRefs.seal(cipher, itemKey, event)));
                }
            } catch (Exception unreadable) {
                // Parsed and checked when it was acknowledged; a row unreadable now cannot become readable later.
                round.unreadable.add(delivery.id());
            }
        }
        timings.mark("open");
        return processed.known(round.openKeys())
                .invoke(round::markKnown)
                .invoke(() -> round.settleSourceChanges(event -> creationKeys(cipher, event)))
                .invoke(() -> timings.mark("known"))
                .chain(() -> fetchFromPlatforms(cipher, round))
                .invoke(() -> timings.mark("leads"))
                .chain(() -> dropSuppressed(round))
                .invoke(() -> timings.mark("suppressed"))
                .chain(() -> resolve(round))
                .invoke(() -> timings.mark("resolve"))
                .chain(() -> decide(round))
                .invoke(() -> timings.mark("decide"))
                .chain(asked -> store.commit(round.outcomes(), round.done(), round.unreadable, round.links(), asked, timings))
                .invoke(() -> timings.mark("commit"))
                .invoke(committed -> metrics.processed(committed.events()))
                .invoke(committed -> LOG.debugf("Inbox round: %d deliveries, events %s in %d ms: %s",
                        committed.deliveries(), committed.events(), timings.totalMillis(), timings))
                .map(EventStore.Committed::deliveries)
                .chain(done -> inbox.reschedule(round.waiting, backoff(round.attemptsOfWaiting()), "lead-unavailable")
                        .replaceWith(done))
                .onFailure().recoverWithUni(failure -> {
                    int attempts = claimed.stream().mapToInt(ClaimedDelivery::attempts).max().orElse(1);
                    LOG.warnf("An inbox round failed (%s); %d deliveries wait for the next attempt",
                            failure.getClass().getSimpleName(), claimed.size());
                    return inbox.reschedule(claimed.stream().map(ClaimedDelivery::id).toList(), backoff(attempts),
                            failure.getClass().getSimpleName()).replaceWith(0);
                });
    }

    /** The keys a creation of the item removed would have, whatever kind of event it arrived as (a tweet: comment, mention or post). */
    private static List<String> creationKeys(InboxCipher cipher, SocialEvent removal) {
        if (removal.action() != Action.DELETE) {
            return List.of();
        }
        return Arrays.stream(EventKind.values()).map(kind -> cipher.digest(removal.createKey(kind))).toList();
    }

    /**
     * Leads and Instagram mentions arrive as ids only: a lead's answers, and a mention's comment and author, come from
     * the Graph API or LinkedIn's API (and so who they are). Gone (404): skipped and audited; unreachable: the delivery
     * waits.
     */
    private Uni<Void> fetchFromPlatforms(InboxCipher cipher, ProcessingRound round) {
        List<Candidate> pending = round.open().stream()
                .filter(c -> c.event().awaitsLeadData() || c.event().awaitsMentionedComment()).toList();
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(pending)
                .onItem().transformToUni(candidate -> fetch(cipher, candidate.event())
                        .invoke(completed -> round.replace(candidate, candidate.withEvent(completed)))
                        .replaceWithVoid()
                        .onFailure().recoverWithItem(failure -> {
                            if (failure instanceof GraphObjectGoneException || failure instanceof LinkedInObjectGoneException) {
                                round.skip(candidate, null, candidate.event().awaitsLeadData() ? "lead-unavailable" : "mention-unavailable");
                            } else {
                                round.defer(candidate.delivery());
                            }
                            return null;
                        }))
                .merge(PLATFORM_FETCH_CONCURRENCY)
                .collect().last().replaceWithVoid();
    }

    private Uni<SocialEvent> fetch(InboxCipher cipher, SocialEvent event) {
        if (event.awaitsLeadData() && event.platform() == Platform.LINKEDIN) {
            return linkedInLeads.complete(cipher, event);
        }
        if (event.awaitsLeadData()) {
            return graph.leadFieldData(event.leadId()).map(LeadForms::fromFieldData).map(event::withLeadData);
        }
        return graph.mentionedComment(event.context().get(SocialEvent.MENTIONED_ACCOUNT), event.eventId())
                .map(comment -> MentionedComments.complete(event, comment));
    }

    /**
     * Before anyone is resolved: an event about an erased platform id, not after its erasure, is skipped (Art. 17;
     * a delivery that waited in the inbox, or an import). The others' platform ids are kept for {@link ProcessingRound#links()}.
     */
    private Uni<Void> dropSuppressed(ProcessingRound round) {
        Map<Candidate, SocialEvent> events = new LinkedHashMap<>();
        for (Candidate candidate : round.open()) {
            events.put(candidate, candidate.event());
        }
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return suppression.platformIds(events).chain(ids -> suppression.erasures(ids.values()).invoke(erasures -> ids.forEach((candidate, platformIds) -> {
            if (Suppression.suppressed(candidate.event(), platformIds, erasures)) {
                round.skip(candidate, null, Suppression.REASON);
            } else {
                round.platformIds.put(candidate, platformIds);
            }
        }))).replaceWithVoid();
    }

    /** Everyone of the round at once: consent-service is asked in batches, about people not resolved before. */
    private Uni<Void> resolve(ProcessingRound round) {
        List<Candidate> identified = new ArrayList<>();
        for (Candidate candidate : round.open()) {
            if (candidate.event().identifiers().isEmpty()) {
                round.skip(candidate, null, "no-identifier");
            } else {
                identified.add(candidate);
            }
        }
        if (identified.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return consent.resolveAll(identified.stream().map(InboxProcessor::person).toList())
                .invoke(subjects -> {
                    for (int i = 0; i < identified.size(); i++) {
                        Candidate candidate = identified.get(i);
                        subjects.get(i).ifPresentOrElse(subjectId -> round.subjects.put(candidate, subjectId),
                                () -> round.skip(candidate, null, "unidentifiable"));
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Art. 14 (contract C3): the data came from the platform (its channel) or from a DPO's import of a platform export, and
     * was obtained when the event happened (its trusted time).
     */
    private static ConsentDtos.Person person(Candidate candidate) {
        SocialEvent event = candidate.event();
        String source = candidate.delivery().importId() == null ? event.channel().wireName() : IMPORT_SOURCE;
        return new ConsentDtos.Person(event.identifiers(), source, event.occurredAt());
    }

    /** @return when the decisions were asked: a withdrawal heard after that must still win */
    private Uni<Instant> decide(ProcessingRound round) {
        Instant asked = Instant.now();
        List<Candidate> resolved = round.open();
        Map<Boolean, List<Candidate>> byGpc = new HashMap<>();
        for (Candidate candidate : resolved) {
            byGpc.computeIfAbsent(candidate.delivery().gpc(), gpc -> new ArrayList<>()).add(candidate);
        }
        List<Uni<Void>> calls = new ArrayList<>();
        byGpc.forEach((gpc, candidates) -> {
            List<ConsentDtos.DecisionQuery> queries = candidates.stream()
                    .map(c -> new ConsentDtos.DecisionQuery(round.subjects.get(c), purposes.purposeOf(c.event().kind()),
                            c.event().channel().wireName(), c.event().kind().sourceKind()))
                    .toList();
            calls.add(consent.decide(queries, gpc).invoke(decisions -> {
                for (int i = 0; i < candidates.size(); i++) {
                    round.decisions.put(candidates.get(i), decisions.get(i));
                }
            }).replaceWithVoid());
        });
        if (calls.isEmpty()) {
            return Uni.createFrom().item(asked);
        }
        return Uni.join().all(calls).andFailFast()
                .chain(() -> definitions(round))
                .replaceWith(asked);
    }

    /** The categories and retention of each purpose something is stored for. */
    private Uni<Void> definitions(ProcessingRound round) {
        Set<String> needed = new HashSet<>();
        round.decisions.forEach((candidate, decision) -> {
            if (decision.permitted() || decision.storageOnly()) {
                needed.add(purposes.purposeOf(candidate.event().kind()));
            }
        });
        if (needed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(needed)
                .onItem().transformToUniAndConcatenate(key -> consent.purpose(key).invoke(definition -> round.definitions.put(key, definition)))
                .collect().last().replaceWithVoid();
    }

    private Duration backoff(int attempts) {
        return Backoff.exponential(attempts, config.initialBackoff(), config.maxBackoff());
    }
}
