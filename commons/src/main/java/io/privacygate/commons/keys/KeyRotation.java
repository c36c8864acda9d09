package io.privacygate.commons.keys;

import io.privacygate.commons.crypto.KeyProvider;
import io.privacygate.commons.crypto.KeysConfig;
import io.privacygate.commons.crypto.WrappingKey;
import io.privacygate.commons.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The lifecycle of a service's KEKs (DESIGN §3, issue 19): rotate adds a version, rewrap moves every stored key to the
 * newest version in bounded batches while the service keeps serving, and retire raises a KEK's minimum decryption
 * version once nothing live needs an older one. After a retire, a backup taken before the rotation cannot yield its
 * keys, including those of subjects erased since.
 */
@ApplicationScoped
public class KeyRotation {
    private static final Logger LOG = Logger.getLogger(KeyRotation.class);
    private static final int BATCH = 500;

    private final Pool pool;
    private final KeyProvider provider;
    private final KeysConfig config;
    private final AtomicBoolean rewrapping = new AtomicBoolean();

    KeyRotation(Pool pool, KeyProvider provider, KeysConfig config) {
        this.pool = pool;
        this.provider = provider;
        this.config = config;
    }

    /**
     * The schedule (issue 19, point 2): a rotation once {@code rotation-period} has passed since the last one (one
     * replica claims it), a rewrap of whatever is not under the newest versions (which also picks up rotations made
     * outside the service, such as Vault's auto-rotation), and a retire of every version before the previous one.
     */
    @Scheduled(every = "${privacy-gate.keys.rewrap-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRound() {
        return claimDueRotation()
                .chain(due -> due ? provider.rotate().invoke(() -> LOG.info("Scheduled rotation: every KEK has a new version"))
                        : Uni.createFrom().voidItem())
                .chain(this::rewrapAll)
                .chain(this::retireBeforePrevious)
                .onFailure().invoke(failure -> LOG.warnf("The scheduled key round stopped: %s. The next round goes on.",
                        failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Whether this replica is the one to rotate now: the claim moves the last rotation's date, once. */
    private Uni<Boolean> claimDueRotation() {
        return pool.preparedQuery("""
                        update key_schedule set last_rotation = now()
                        where last_rotation <= now() - make_interval(secs => $1) returning last_rotation""")
                .execute(Tuple.of((double) config.rotationPeriod().toSeconds()))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Keeps the newest and the previous version of each KEK readable: a backup from the previous period still opens,
     * an older one no longer does. Skips a KEK while a readable key still needs an older version.
     */
    private Uni<Void> retireBeforePrevious() {
        return status().chain(current -> Multi.createFrom().iterable(current.keks())
                .filter(kek -> kek.latestVersion() - 1 > kek.minDecryptionVersion())
                .filter(kek -> needing(kek, kek.latestVersion() - 1) == 0)
                .onItem().transformToUniAndConcatenate(kek -> provider.retire(kek.kek(), kek.latestVersion() - 1)
                        .invoke(() -> LOG.infof("Scheduled retire: %s below version %d", kek.kek(), kek.latestVersion() - 1)))
                .collect().last()
                .replaceWithVoid());
    }

    public Uni<KeysStatus> status() {
        return countByVersion().chain(counts -> Multi.createFrom().items(WrappingKey.values())
                .onItem().transformToUniAndConcatenate(kek -> provider.versions(kek)
                        .map(versions -> kekStatus(kek, versions, counts.get(kek))))
                .collect().asList()
                .chain(keks -> pool.query("select last_rotation from key_schedule").execute()
                        .map(rows -> new KeysStatus(config.provider().name().toLowerCase(Locale.ROOT), rewrapping.get(),
                                rows.iterator().next().getOffsetDateTime("last_rotation").toInstant()
                                        .plus(config.rotationPeriod()), keks))));
    }

    /** Adds a new version of every KEK, then rewraps in the background: {@link #status()} shows the progress. */
    public Uni<KeysStatus> rotate() {
        return provider.rotate()
                .invoke(() -> rewrapAll().subscribe().with(done -> { }, failure ->
                        LOG.warnf("The rewrap after a rotation stopped: %s. The scheduled rewrap will go on.", failure.getClass().getSimpleName())))
                .chain(this::status);
    }

    /**
     * Rewraps every stored key not under its KEK's newest version; returns how many moved per KEK. A key that cannot
     * be rewrapped (its version already retired) is passed over, so it cannot stop the others.
     */
    public Uni<Map<WrappingKey, Long>> rewrapAll() {
        if (!rewrapping.compareAndSet(false, true)) {
            return Uni.createFrom().item(Map.of());
        }
        return Multi.createFrom().items(WrappingKey.values())
                .onItem().transformToUniAndConcatenate(kek -> provider.currentPrefix(kek)
                        .chain(prefix -> Multi.createFrom().items(WrappedKeyTable.values())
                                .onItem().transformToUniAndConcatenate(table -> rewrapPages(table, kek, prefix, table.beforeFirstId(), 0L))
                                .collect().with(Collectors.summingLong(Long::longValue)))
                        .map(moved -> Map.entry(kek, moved)))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue)
                .invoke(moved -> moved.forEach((kek, count) -> {
                    if (count > 0) {
                        LOG.infof("Rewrapped %d keys under the newest version of %s", count, kek);
                    }
                }))
                .eventually(() -> rewrapping.set(false));
    }

    private Uni<Long> rewrapPages(WrappedKeyTable table, WrappingKey kek, String prefix, Object after, long movedSoFar) {
        return pool.preparedQuery(table.stalePage()).execute(Tuple.of(kek.name(), prefix, after, BATCH))
                .chain(rows -> {
                    List<Row> page = new ArrayList<>();
                    rows.forEach(page::add);
                    if (page.isEmpty()) {
                        return Uni.createFrom().item(movedSoFar);
                    }
                    Object last = page.get(page.size() - 1).getValue("id");
                    return Multi.createFrom().iterable(page)
                            .onItem().transformToUniAndConcatenate(row -> provider.rewrap(kek, row.getString("wrapped"))
                                    .map(rewrapped -> Tuple.of(rewrapped, row.getValue("id"), row.getString("wrapped")))
                                    .onFailure().recoverWithNull())
                            .collect().asList()
                            .chain(updates -> updates.isEmpty()
                                    ? Uni.createFrom().item(0)
                                    : pool.preparedQuery(table.replace()).executeBatch(updates).replaceWith(updates.size()))
                            .chain(moved -> page.size() < BATCH
                                    ? Uni.createFrom().item(movedSoFar + moved)
                                    : rewrapPages(table, kek, prefix, last, movedSoFar + moved));
                });
    }

    /**
     * Raises the minimum decryption version of one KEK, or of each KEK to its newest version. Refused, naming what
     * remains, while a readable key still needs an older version.
     */
    public Uni<KeysStatus> retire(RetireRequest request) {
        List<WrappingKey> keks = request.kek() == null ? Arrays.asList(WrappingKey.values()) : List.of(request.kek());
        return status().chain(before -> {
            Map<WrappingKey, Integer> targets = new EnumMap<>(WrappingKey.class);
            List<String> remaining = new ArrayList<>();
            for (KekStatus kek : before.keks()) {
                if (!keks.contains(kek.kek())) {
                    continue;
                }
                int target = request.minDecryptionVersion() == null ? kek.latestVersion() : request.minDecryptionVersion();
                if (target > kek.latestVersion()) {
                    throw ProblemException.invalidField("minDecryptionVersion",
                            "must not exceed the newest version of " + kek.kek() + " (" + kek.latestVersion() + ")");
                }
                long needing = needing(kek, target);
                if (needing > 0) {
                    remaining.add(kek.kek() + ": " + needing + " keys under a version below " + target);
                } else if (target > kek.minDecryptionVersion()) {
                    targets.put(kek.kek(), target);
                }
            }
            if (!remaining.isEmpty()) {
                throw ProblemException.conflict("Rewrap first: " + String.join("; ", remaining) + ".");
            }
            return Multi.createFrom().iterable(targets.entrySet())
                    .onItem().transformToUniAndConcatenate(target -> provider.retire(target.getKey(), target.getValue())
                            .invoke(() -> LOG.infof("Retired %s below version %d", target.getKey(), target.getValue())))
                    .collect().last()
                    .chain(this::status);
        });
    }

    /** How many readable keys of a KEK are under a version below {@code target}. */
    private static long needing(KekStatus kek, int target) {
        return kek.keysPerVersion().entrySet().stream()
                .filter(version -> version.getKey() >= kek.minDecryptionVersion() && version.getKey() < target)
                .mapToLong(Map.Entry::getValue).sum();
    }

    private Uni<Map<WrappingKey, Map<Integer, Long>>> countByVersion() {
        return Multi.createFrom().items(WrappedKeyTable.values())
                .onItem().transformToUniAndConcatenate(table -> pool.query(table.countByVersion()).execute())
                .collect().in(() -> new EnumMap<WrappingKey, Map<Integer, Long>>(WrappingKey.class), (counts, rows) ->
                        rows.forEach(row -> counts.computeIfAbsent(WrappingKey.valueOf(row.getString("kek")), kek -> new TreeMap<>())
                                .merge(version(row.getString("version")), row.getLong("n"), Long::sum)));
    }

    /** {@code v2} is version 2; anything else is counted as version 0, which no provider decrypts. */
    private static int version(String label) {
        try {
            return label.startsWith("v") ? Integer.parseInt(label.substring(1)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static KekStatus kekStatus(WrappingKey kek, KeyProvider.KekVersions versions, Map<Integer, Long> counts) {
        Map<Integer, Long> perVersion = counts == null ? Map.of() : counts;
        long toRewrap = perVersion.entrySet().stream().filter(e -> e.getKey() < versions.latest())
                .filter(e -> e.getKey() >= versions.minDecryption()).mapToLong(Map.Entry::getValue).sum();
        long unreadable = perVersion.entrySet().stream().filter(e -> e.getKey() < versions.minDecryption())
                .mapToLong(Map.Entry::getValue).sum();
        return new KekStatus(kek, versions.latest(), versions.minDecryption(), perVersion, toRewrap, unreadable);
    }
}
