package io.privacygate.consent.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Many outbox messages in one statement, outside any ORM session: for audit events that no state change
 * carries (denied decisions), written by {@code AuditGroupCommit}. Same table and semantics as the
 * commons {@code Outbox}: a repeated idempotency key is ignored.
 */
@ApplicationScoped
public class OutboxBatchRepository {
    private final Pool pool;

    OutboxBatchRepository(Pool pool) {
        this.pool = pool;
    }

    public record Message(String idempotencyKey, String payload) {
    }

    public Uni<Void> enqueueAll(String destination, List<Message> messages) {
        UUID[] ids = new UUID[messages.size()];
        String[] keys = new String[messages.size()];
        String[] payloads = new String[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            ids[i] = UUID.randomUUID();
            keys[i] = messages.get(i).idempotencyKey();
            payloads[i] = messages.get(i).payload();
        }
        return pool.preparedQuery("""
                        insert into outbox_message (id, destination, idempotency_key, payload, attempts, next_attempt_at, created_at)
                        select m.id, $1, m.key, m.payload, 0, now(), now()
                        from unnest($2::uuid[], $3::text[], $4::text[]) as m(id, key, payload)
                        on conflict (destination, idempotency_key) do nothing""")
                .execute(Tuple.of(destination, ids, keys, payloads))
                .replaceWithVoid();
    }
}
