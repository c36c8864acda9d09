package io.privacygate.ingestion.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The stored items reconciliation asks the platforms about (issue 21 point 3). On the reactive pool, outside any
 * session: a run waits minutes for a platform between its reads and writes.
 */
@ApplicationScoped
public class ReconciliationRepository {
    private final Pool pool;

    ReconciliationRepository(Pool pool) {
        this.pool = pool;
    }

    /** One platform item stored here (in one or more copies): its channel, kind and sealed ids ({@code ItemRefs}). */
    public record StoredItem(String itemKey, String channel, String kind, String itemRef) {
    }

    /** At most {@code limit} items of these channels and kinds, those asked about longest ago (or never) first. */
    public Uni<List<StoredItem>> due(Collection<String> channels, Collection<String> kinds, int limit) {
        return pool.preparedQuery("""
                        select item_key, min(channel) as channel, min(kind) as kind, min(item_ref) as item_ref
                        from interaction
                        where item_ref is not null and channel = any($1) and kind = any($2)
                        group by item_key
                        order by min(reconciled_at) nulls first
                        limit $3""")
                .execute(Tuple.of(channels.toArray(String[]::new), kinds.toArray(String[]::new), limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ReconciliationRepository::item).toList());
    }

    public Uni<Void> checked(Collection<String> itemKeys, Instant at) {
        if (itemKeys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("update interaction set reconciled_at = $2 where item_key = any($1)")
                .execute(Tuple.of(itemKeys.toArray(String[]::new), at.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private static StoredItem item(Row row) {
        return new StoredItem(row.getString("item_key"), row.getString("channel"), row.getString("kind"), row.getString("item_ref"));
    }
}
