package io.privacygate.consent.service.decisionstate;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.model.PurposeRule;
import io.privacygate.consent.model.SubjectState;
import io.privacygate.consent.repository.DecisionStateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Decision state in memory, so that a decision costs no database round trip. Every change publishes the
 * keys it touched (NOTIFY, on commit) and every replica drops them ({@link DecisionCacheFeed}, fed by commons'
 * {@code ChangeFeed}).
 * <p>
 * Correctness against races: an entry is a future; dropping a key also drops a load still in flight,
 * so a load that read the state before a change can never be kept after it. While the listener is not
 * subscribed, notifications could be missed, so the cache is bypassed and every decision reads the
 * database: slower, never stale.
 */
@ApplicationScoped
public class DecisionCache {
    private static final Boolean ALL = Boolean.TRUE;

    private final DecisionStateRepository repository;
    private final AsyncCache<UUID, Optional<SubjectState>> subjects;
    private final AsyncCache<String, Optional<UUID>> identifiers;
    private final AsyncCache<Boolean, Map<String, PurposeRule>> purposes;
    private final Counter subjectLoads;
    private final Counter identifierLoads;
    private final Counter purposeLoads;
    private volatile boolean live;

    DecisionCache(DecisionStateRepository repository, ConsentConfig config, MeterRegistry registry) {
        this.repository = repository;
        ConsentConfig.Decisions settings = config.decisions();
        this.subjects = Caffeine.newBuilder().maximumSize(settings.cacheMaxSubjects())
                .expireAfterWrite(settings.cacheMaxAge()).buildAsync();
        this.identifiers = Caffeine.newBuilder().maximumSize(settings.cacheMaxSubjects())
                .expireAfterWrite(settings.cacheMaxAge()).buildAsync();
        this.purposes = Caffeine.newBuilder().expireAfterWrite(settings.cacheMaxAge()).buildAsync();
        this.subjectLoads = loads(registry, "subject");
        this.identifierLoads = loads(registry, "identifier");
        this.purposeLoads = loads(registry, "purposes");
    }

    private static Counter loads(MeterRegistry registry, String kind) {
        return Counter.builder("consent.decision.state.loads")
                .description("Pieces of decision state read from the database")
                .tag("kind", kind)
                .register(registry);
    }

    /** The current version of every purpose, by key. */
    public Uni<Map<String, PurposeRule>> purposes() {
        if (!live) {
            return loadPurposes();
        }
        return Uni.createFrom().completionStage(purposes.get(ALL, (key, executor) -> loadPurposes().subscribeAsCompletionStage()));
    }

    /** The state of each subject of {@code ids} that exists; unknown and erased subjects are absent. */
    public Uni<Map<UUID, SubjectState>> subjects(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        if (!live) {
            return loadSubjects(ids).map(DecisionCache::present);
        }
        CompletableFuture<Map<UUID, Optional<SubjectState>>> all =
                subjects.getAll(ids, (missing, executor) -> loadSubjects(missing).subscribeAsCompletionStage());
        return Uni.createFrom().completionStage(all).map(DecisionCache::present);
    }

    /** The subject of each known blind index. */
    public Uni<Map<String, UUID>> subjectsByBlindIndex(Collection<String> blindIndexes) {
        if (blindIndexes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        if (!live) {
            return loadIdentifiers(blindIndexes).map(DecisionCache::present);
        }
        CompletableFuture<Map<String, Optional<UUID>>> all =
                identifiers.getAll(blindIndexes, (missing, executor) -> loadIdentifiers(missing).subscribeAsCompletionStage());
        return Uni.createFrom().completionStage(all).map(DecisionCache::present);
    }

    /** Drops the state named by a key of {@link StateKeys}. */
    public void invalidate(String key) {
        if (key.equals(StateKeys.PURPOSES)) {
            purposes.synchronous().invalidateAll();
        } else if (key.startsWith(StateKeys.SUBJECT_PREFIX)) {
            subjects.synchronous().invalidate(UUID.fromString(key.substring(StateKeys.SUBJECT_PREFIX.length())));
        } else if (key.startsWith(StateKeys.IDENTIFIER_PREFIX)) {
            identifiers.synchronous().invalidate(key.substring(StateKeys.IDENTIFIER_PREFIX.length()));
        }
    }

    public void invalidateAll(Collection<String> keys) {
        keys.forEach(this::invalidate);
    }

    /**
     * Whether change notifications are being received. Either way everything cached so far is dropped:
     * going down, it may go stale; coming up, changes may have been missed in between.
     */
    void live(boolean receiving) {
        live = false;
        subjects.synchronous().invalidateAll();
        identifiers.synchronous().invalidateAll();
        purposes.synchronous().invalidateAll();
        live = receiving;
    }

    private Uni<Map<String, PurposeRule>> loadPurposes() {
        return repository.loadPurposes().invoke(() -> purposeLoads.increment());
    }

    private Uni<Map<UUID, Optional<SubjectState>>> loadSubjects(Collection<? extends UUID> ids) {
        subjectLoads.increment(ids.size());
        return repository.loadSubjects(java.util.List.copyOf(ids)).map(found -> {
            Map<UUID, Optional<SubjectState>> result = new HashMap<>();
            ids.forEach(id -> result.put(id, Optional.ofNullable(found.get(id))));
            return result;
        });
    }

    private Uni<Map<String, Optional<UUID>>> loadIdentifiers(Collection<? extends String> blindIndexes) {
        identifierLoads.increment(blindIndexes.size());
        return repository.findSubjectsByBlindIndex(java.util.List.copyOf(blindIndexes)).map(found -> {
            Map<String, Optional<UUID>> result = new HashMap<>();
            blindIndexes.forEach(index -> result.put(index, Optional.ofNullable(found.get(index))));
            return result;
        });
    }

    private static <K, V> Map<K, V> present(Map<K, Optional<V>> values) {
        Map<K, V> present = new HashMap<>();
        values.forEach((key, value) -> value.ifPresent(v -> present.put(key, v)));
        return present;
    }
}
