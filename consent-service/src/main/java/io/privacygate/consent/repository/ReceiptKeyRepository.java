package io.privacygate.consent.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The generations of the receipt signing key (V11), oldest first. */
@ApplicationScoped
public class ReceiptKeyRepository {
    private final Pool pool;

    ReceiptKeyRepository(Pool pool) {
        this.pool = pool;
    }

    /** One generation: the managed key that holds its private half, its key id and public JWK. */
    public record Generation(int generation, String keyName, String kid, String publicJwk, Instant createdAt) {
    }

    /** The newest generation, the one that signs; null before the first is registered. */
    public Uni<Generation> newest() {
        return pool.query("select generation, key_name, kid, public_jwk, created_at from receipt_key "
                        + "order by generation desc limit 1")
                .execute()
                .map(rows -> rows.size() == 0 ? null : generation(rows.iterator().next()));
    }

    public Uni<List<Generation>> all() {
        return pool.query("select generation, key_name, kid, public_jwk, created_at from receipt_key order by generation")
                .execute()
                .map(rows -> {
                    List<Generation> all = new ArrayList<>();
                    rows.forEach(row -> all.add(generation(row)));
                    return all;
                });
    }

    /** Registers a generation once (a second registration of the same managed key changes nothing). */
    public Uni<Void> register(String keyName, String kid, String publicJwk, String createdBy) {
        return pool.preparedQuery("insert into receipt_key (key_name, kid, public_jwk, created_at, created_by) "
                        + "values ($1, $2, $3, $4, $5) on conflict (key_name) do nothing")
                .execute(Tuple.of(keyName, kid, publicJwk, OffsetDateTime.now(ZoneOffset.UTC), createdBy))
                .replaceWithVoid();
    }

    private static Generation generation(Row row) {
        return new Generation(row.getInteger("generation"), row.getString("key_name"), row.getString("kid"),
                row.getString("public_jwk"), row.getOffsetDateTime("created_at").toInstant());
    }
}
