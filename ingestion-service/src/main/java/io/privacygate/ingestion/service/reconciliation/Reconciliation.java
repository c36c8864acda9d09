package io.privacygate.ingestion.service.reconciliation;

import io.privacygate.ingestion.client.GraphErrorException;
import io.privacygate.ingestion.client.GraphObjectsApi;
import io.privacygate.ingestion.client.XComplianceClient;
import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.config.PlatformsConfig;
import io.privacygate.ingestion.model.Action;
import io.privacygate.ingestion.model.Channel;
import io.privacygate.ingestion.model.DeletionRequest;
import io.privacygate.ingestion.model.EventKind;
import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.model.SocialEvent;
import io.privacygate.ingestion.repository.InboxRepository;
import io.privacygate.ingestion.repository.ReconciliationRepository;
import io.privacygate.ingestion.repository.ReconciliationRepository.StoredItem;
import io.privacygate.ingestion.service.IngestionAudit;
import io.privacygate.ingestion.service.deletion.DeletionCallbackService;
import io.privacygate.ingestion.service.inbox.InboxCipher;
import io.privacygate.ingestion.service.inbox.InboxKeys;
import io.privacygate.ingestion.service.inbox.InboxPayloads;
import io.privacygate.ingestion.service.inbox.ItemRefs;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Reconciliation with the platforms (issue 21 point 3): webhook deliveries get lost, so what is stored here is compared,
 * on a schedule, with what still exists at the source.
 * <ul>
 *   <li><b>Meta</b>: each stored Facebook or Instagram comment is read by id from the Graph API ({@code GET /{comment-id}
 *   ?fields=id}); Graph's answer for an object that does not exist (error {@code code 100}, {@code error_subcode 33})
 *   means it was deleted. Any other error (token, rate limit, outage) concludes nothing.</li>
 *   <li><b>X</b>: the stored tweets' ids go to one batch compliance job of type {@code tweets}; every id in its results
 *   with {@code action: delete} was deleted, or its account deleted, suspended or protected, and must go (X Developer
 *   Agreement). {@code scrub_geo} asks only to remove geo data, which is never stored here.</li>
 *   <li><b>X accounts</b> (issue 21 point 2, contract C2): the authors of the stored X items go to one batch compliance
 *   job of type {@code users}; an account X reports {@code deleted}, {@code deactivated} or {@code suspended} opens an
 *   erasure in dsr-service with channel {@code x-compliance} (its 24-hour deadline is dsr-service's), once per account,
 *   through the same small outbox as Meta's data deletion callbacks. {@code protected} opens none: the account's tweets
 *   come back from the tweets job as deleted.</li>
 * </ul>
 * A deletion found this way takes the same path as a webhook's removal: it is sealed into the inbox as a removal of the
 * item, and the next round deletes every stored copy, shreds the subject's key where that was its last data and audits
 * {@code interaction.deleted-at-source}. Each run audits its counts per platform ({@code reconciliation.completed}).
 * Items are checked in batches, those checked longest ago first.
 */
@ApplicationScoped
public class Reconciliation {
    private static final Logger LOG = Logger.getLogger(Reconciliation.class);
    private static final int GRAPH_CONCURRENCY = 4;
    private static final Set<String> META_CHANNELS = Set.of(Channel.FACEBOOK.wireName(), Channel.INSTAGRAM.wireName());
    private static final Set<String> META_KINDS = Set.of(EventKind.COMMENT.name());
    private static final Set<String> X_CHANNELS = Set.of(Channel.X.wireName());
    /** Tweets: X's direct messages have ids of their own, which a tweets job does not know. */
    private static final Set<String> X_ALL_KINDS = Set.of(EventKind.COMMENT.name(), EventKind.MENTION.name(), EventKind.POST.name(),
            EventKind.DIRECT_MESSAGE.name());
    /** The audit's name for the accounts' reconciliation: {@code missing} counts the erasures opened. */
    private static final String X_USERS = "x-users";
    private static final Set<String> X_TWEET_KINDS = Set.of(EventKind.COMMENT.name(), EventKind.MENTION.name(), EventKind.POST.name());
    /** The result reason that asks only for geo data to be removed: none is stored here. */
    private static final String SCRUB_GEO = "scrub_geo";
    /** User compliance reasons after which the account's data must go (X Developer Agreement: within 24 hours). */
    private static final Set<String> ACCOUNT_GONE = Set.of("deleted", "deactivated", "suspended");

    private final ReconciliationRepository items;
    private final InboxRepository inbox;
    private final InboxPayloads payloads;
    private final InboxKeys keys;
    private final GraphObjectsApi graph;
    private final XComplianceClient x;
    private final PlatformsConfig platforms;
    private final IngestionConfig.Reconciliation config;
    private final IngestionAudit audit;
    private final DeletionCallbackService erasures;

    Reconciliation(ReconciliationRepository items, InboxRepository inbox, InboxPayloads payloads, InboxKeys keys,
                   @RestClient GraphObjectsApi graph, XComplianceClient x, PlatformsConfig platforms, IngestionConfig config,
                   IngestionAudit audit, DeletionCallbackService erasures) {
        this.erasures = erasures;
        this.items = items;
        this.inbox = inbox;
        this.payloads = payloads;
        this.keys = keys;
        this.graph = graph;
        this.x = x;
        this.platforms = platforms;
        this.config = config.reconciliation();
        this.audit = audit;
    }

    /** What one run found on one platform: items asked about, found deleted, and those it could not learn about. */
    public record Count(int checked, int missing, int unverified) {
        static final Count NOTHING = new Count(0, 0, 0);
    }

    public record Report(Count meta, Count x, Count xUsers) {
    }

    private enum State { EXISTS, GONE, UNVERIFIED }

    /** Must run on a Vert.x context (the scheduler's): the audit events are written in a transaction on it. */
    public Uni<Report> run() {
        Context context = Vertx.currentContext();
        Executor onContext = command -> context.runOnContext(ignored -> command.run());
        return keys.cipher().chain(cipher -> meta(cipher)
                .chain(meta -> tweets(cipher, onContext)
                        .chain(tweets -> users(cipher, onContext).map(users -> new Report(meta, tweets, users)))));
    }

    private Uni<Count> meta(InboxCipher cipher) {
        if (platforms.meta().accessToken().isEmpty()) {
            return Uni.createFrom().item(Count.NOTHING);
        }
        String authorization = "Bearer " + platforms.meta().accessToken().get();
        return items.due(META_CHANNELS, META_KINDS, config.batchSize()).chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUni(item -> exists(authorization, cipher, item).map(state -> Map.entry(item, state)))
                .merge(GRAPH_CONCURRENCY)
                .collect().asList()
                .chain(states -> settle(cipher, Platform.META, states)));
    }

    private Uni<State> exists(String authorization, InboxCipher cipher, StoredItem item) {
        String id = ItemRefs.open(cipher, item.itemKey(), item.itemRef()).itemId();
        return graph.object(authorization, id, "id")
                .map(found -> State.EXISTS)
                .onFailure(GraphErrorException.class).recoverWithItem(e -> ((GraphErrorException) e).objectGone() ? State.GONE : State.UNVERIFIED)
                .onFailure().recoverWithItem(State.UNVERIFIED);
    }

    private Uni<Count> tweets(InboxCipher cipher, Executor onContext) {
        if (!x.configured()) {
            return Uni.createFrom().item(Count.NOTHING);
        }
        return items.due(X_CHANNELS, X_TWEET_KINDS, config.batchSize()).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(Count.NOTHING);
            }
            Map<String, StoredItem> byTweet = new LinkedHashMap<>();
            due.forEach(item -> byTweet.put(ItemRefs.open(cipher, item.itemKey(), item.itemRef()).itemId(), item));
            return x.check("tweets", byTweet.keySet())
                    .map(results -> {
                        Set<String> gone = new HashSet<>();
                        results.stream().filter(r -> "delete".equals(r.action()) && !SCRUB_GEO.equals(r.reason()))
                                .forEach(r -> gone.add(r.id()));
                        List<Map.Entry<StoredItem, State>> states = new ArrayList<>();
                        byTweet.forEach((tweet, item) -> states.add(Map.entry(item, gone.contains(tweet) ? State.GONE : State.EXISTS)));
                        return states;
                    })
                    .onFailure().recoverWithItem(failure -> {
                        // The class only: a client failure's message may quote the request, and the ids it sent are personal data.
                        LOG.warnf("X compliance job failed (%s); the stored tweets are checked on the next run",
                                failure.getClass().getSimpleName());
                        return due.stream().map(item -> Map.entry(item, State.UNVERIFIED)).toList();
                    })
                    .emitOn(onContext)
                    .chain(states -> settle(cipher, Platform.X, states));
        });
    }

    /** The authors of the stored X items, asked about in one users job; an account gone opens an erasure. */
    private Uni<Count> users(InboxCipher cipher, Executor onContext) {
        if (!x.configured()) {
            return Uni.createFrom().item(Count.NOTHING);
        }
        return items.due(X_CHANNELS, X_ALL_KINDS, config.batchSize()).chain(due -> {
            Set<String> authors = new LinkedHashSet<>();
            due.forEach(item -> {
                String author = ItemRefs.open(cipher, item.itemKey(), item.itemRef()).authorId();
                if (author != null) {
                    authors.add(author);
                }
            });
            if (authors.isEmpty()) {
                return Uni.createFrom().item(Count.NOTHING);
            }
            return x.check("users", authors)
                    .map(results -> results.stream()
                            .filter(r -> "delete".equals(r.action()) && ACCOUNT_GONE.contains(r.reason()) && authors.contains(r.id()))
                            .toList())
                    .emitOn(onContext)
                    .chain(gone -> Multi.createFrom().iterable(gone)
                            .onItem().transformToUniAndConcatenate(result -> erasures.receivePlatformSignal(cipher,
                                    DeletionRequest.X_COMPLIANCE, result.id(), result.reason()))
                            .collect().asList()
                            .map(opened -> new Count(authors.size(), (int) opened.stream().filter(Boolean::booleanValue).count(), 0)))
                    .onFailure().recoverWithItem(failure -> {
                        // The class only: a client failure's message may quote the request, and the ids it sent are personal data.
                        LOG.warnf("X users compliance job failed (%s); the accounts are checked on the next run",
                                failure.getClass().getSimpleName());
                        return new Count(0, 0, authors.size());
                    })
                    .emitOn(onContext)
                    .call(count -> Panache.withTransaction(() -> audit.reconciled(X_USERS, count.checked(), count.missing(),
                            count.unverified())));
        });
    }

    /** Removals go to the inbox, the items learnt about are marked checked, and the run's counts are audited. */
    private Uni<Count> settle(InboxCipher cipher, Platform platform, List<Map.Entry<StoredItem, State>> states) {
        if (states.isEmpty()) {
            return Uni.createFrom().item(Count.NOTHING);
        }
        Instant now = Instant.now();
        List<SocialEvent> removals = new ArrayList<>();
        List<String> learnt = new ArrayList<>();
        int unverified = 0;
        for (Map.Entry<StoredItem, State> entry : states) {
            StoredItem item = entry.getKey();
            switch (entry.getValue()) {
                case GONE -> {
                    removals.add(removal(cipher, platform, item, now));
                    learnt.add(item.itemKey());
                }
                case EXISTS -> learnt.add(item.itemKey());
                case UNVERIFIED -> unverified++;
            }
        }
        Count count = new Count(learnt.size(), removals.size(), unverified);
        return enqueue(cipher, platform, removals, now)
                .chain(() -> items.checked(learnt, now))
                .chain(() -> Panache.withTransaction(() -> audit.reconciled(platform.wireName(), count.checked(), count.missing(),
                        count.unverified())))
                .replaceWith(count);
    }

    /** The removal of the item, as a platform's webhook would deliver it. */
    private static SocialEvent removal(InboxCipher cipher, Platform platform, StoredItem item, Instant now) {
        String itemId = ItemRefs.open(cipher, item.itemKey(), item.itemRef()).itemId();
        return new SocialEvent(platform, Channel.valueOf(item.channel().toUpperCase(Locale.ROOT)), EventKind.valueOf(item.kind()),
                itemId, now, List.of(), Map.of(), Map.of(), Map.of(), null, Action.DELETE, itemId);
    }

    private Uni<Void> enqueue(InboxCipher cipher, Platform platform, List<SocialEvent> removals, Instant now) {
        if (removals.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID id = UUID.randomUUID();
        return inbox.insert(id, platform, cipher.digest("reconciliation:" + id), cipher.seal(id, payloads.write(removals)), now)
                .replaceWithVoid();
    }
}
