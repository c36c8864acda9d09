package io.privacygate.ingestion.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The keyed digests of platform event ids already processed. */
@ApplicationScoped
public class ProcessedEventRepository {
    private final Pool pool;

    ProcessedEventRepository(Pool pool) {
        this.pool = pool;
    }

    /** Which of these keys were processed already (a cheap look before any call to consent-service). */
    public Uni<Set<String>> known(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return pool.preparedQuery("select event_key from processed_event where event_key = any($1)")
                .execute(Tuple.of(keys.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    for (Row row : rows) {
                        known.add(row.getString(0));
                    }
                    return known;
                });
    }

    /**
     * Inside the storing transaction: records the keys and answers those that were new. A key another
     * replica recorded meanwhile is not returned, so its event is not stored twice. Keys are inserted in
     * order, so that two rounds holding the same keys wait for each other instead of deadlocking.
     */
    @SuppressWarnings("unchecked")
    public Uni<Set<String>> claim(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into processed_event (event_key, processed_at)
                        select k, now() from unnest(string_to_array(:keys, ',')) k order by k
                        on conflict (event_key) do nothing returning event_key""", String.class)
                .setParameter("keys", String.join(",", keys))
                .getResultList())
                .map(inserted -> new HashSet<>((List<String>) inserted));
    }

    /** Inside a transaction: forgets keys older than the dedupe window. */
    public Uni<Integer> purgeBefore(Instant cutoff, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        delete from processed_event where event_key in
                          (select event_key from processed_event where processed_at < :cutoff limit :limit)""")
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate());
    }
}
