package io.privacygate.ingestion.repository;

import io.privacygate.ingestion.model.ClaimedDelivery;
import io.privacygate.ingestion.model.Platform;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The inbox table. Acknowledging, claiming and rescheduling are single statements on the reactive pool,
 * outside any session: they are the hot path and need no transaction of their own. Removing processed
 * rows and adding imported ones run in the caller's session, inside the transaction that stores.
 */
@ApplicationScoped
public class InboxRepository {
    private final Pool pool;

    InboxRepository(Pool pool) {
        this.pool = pool;
    }

    /** Deliveries waiting (acknowledged, not yet processed) and the age in seconds of the oldest, 0 when none wait. */
    public Uni<Backlog> backlog() {
        return pool.query("""
                        select count(*) as waiting, coalesce(extract(epoch from now() - min(received_at)), 0)::float8 as lag
                        from inbox_delivery""")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Backlog(row.getLong("waiting"), Math.max(0, row.getDouble("lag")));
                });
    }

    public record Backlog(long waiting, double lagSeconds) {
    }

    /** @return false when the same delivery (same digest) is already waiting */
    public Uni<Boolean> insert(UUID id, Platform platform, String digest, byte[] sealed, Instant receivedAt) {
        return pool.preparedQuery("""
                        insert into inbox_delivery (id, platform, digest, payload, received_at, next_attempt_at)
                        values ($1, $2, $3, $4, $5, $5) on conflict (platform, digest) do nothing""")
                .execute(Tuple.of(id, platform.name(), digest, Buffer.buffer(sealed), receivedAt.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Reserves due deliveries for one round; replicas and chains skip each other's rows. The due rows are
     * locked once, in a materialized CTE, and updated by primary key: a locking subquery in {@code where id in
     * (...)} may be planned to run again for every row of the inbox (docs/decisions/0030).
     */
    public Uni<List<ClaimedDelivery>> claim(int size, Duration lease) {
        return pool.preparedQuery("""
                        with due as materialized (
                          select id from inbox_delivery where next_attempt_at <= now()
                          order by next_attempt_at limit $2 for update skip locked)
                        update inbox_delivery d set next_attempt_at = now() + make_interval(secs => $1), attempts = d.attempts + 1
                        from due where d.id = due.id
                        returning d.id, d.platform, d.payload, d.import_id, d.gpc, d.attempts, d.received_at""")
                .execute(Tuple.of(lease.toMillis() / 1000.0, size))
                .map(rows -> {
                    List<ClaimedDelivery> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new ClaimedDelivery(row.getUUID("id"), Platform.valueOf(row.getString("platform")),
                                row.getBuffer("payload").getBytes(), row.getUUID("import_id"), row.getBoolean("gpc"),
                                row.getInteger("attempts"), row.getOffsetDateTime("received_at").toInstant()));
                    }
                    return claimed;
                });
    }

    /** Puts deliveries back, due again after the given wait; {@code reason} names a failure class, never data. */
    public Uni<Void> reschedule(Collection<UUID> ids, Duration wait, String reason) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("""
                        update inbox_delivery set next_attempt_at = now() + make_interval(secs => $1), last_error = $2
                        where id = any($3)""")
                .execute(Tuple.of(wait.toMillis() / 1000.0, reason, ids.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    /** Inside the storing transaction: the deliveries are done. */
    public Uni<Integer> delete(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from inbox_delivery where id = any(cast(string_to_array(:ids, ',') as uuid[]))")
                .setParameter("ids", String.join(",", ids.stream().map(UUID::toString).toList()))
                .executeUpdate());
    }

    /** Inside the import's transaction. @return false when the same line already waits */
    public Uni<Boolean> insertImported(UUID id, Platform platform, String digest, byte[] sealed, UUID importId,
                                       boolean gpc, Instant receivedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into inbox_delivery (id, platform, digest, payload, import_id, gpc, received_at, next_attempt_at)
                        values (:id, :platform, :digest, :payload, :importId, :gpc, :receivedAt, :receivedAt)
                        on conflict (platform, digest) do nothing""")
                .setParameter("id", id)
                .setParameter("platform", platform.name())
                .setParameter("digest", digest)
                .setParameter("payload", sealed)
                .setParameter("importId", importId)
                .setParameter("gpc", gpc)
                .setParameter("receivedAt", receivedAt)
                .executeUpdate()).map(inserted -> inserted == 1);
    }

    /**
     * Inside a transaction: deletes deliveries that waited longer than allowed, at most {@code limit}.
     * @return the number purged
     */
    public Uni<Integer> purgeReceivedBefore(Instant cutoff, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        with expired as materialized (
                          select id from inbox_delivery where received_at < :cutoff limit :limit for update skip locked)
                        delete from inbox_delivery d using expired where d.id = expired.id""")
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate());
    }
}
