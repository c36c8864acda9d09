package io.privacygate.audit.repository;

import io.privacygate.audit.model.Checkpoint;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Signed tree heads, one per tree size. */
@ApplicationScoped
public class CheckpointRepository {
    private static final String COLUMNS = "tree_size, root_hash, created_at, note, signature, key_id";

    public Uni<Optional<Checkpoint>> latest(SqlClient client) {
        return client.preparedQuery("select " + COLUMNS + " from signed_checkpoint order by tree_size desc limit 1")
                .execute()
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(checkpoint(rows.iterator().next())));
    }

    /** The latest checkpoint that at least {@code quorum} witnesses have cosigned (any checkpoint for 0). */
    public Uni<Optional<Checkpoint>> latestCosigned(SqlClient client, int quorum) {
        return client.preparedQuery("select " + COLUMNS + """
                         from signed_checkpoint c
                        where $1 = 0 or (select count(*) from checkpoint_cosignature w where w.tree_size = c.tree_size) >= $1
                        order by tree_size desc limit 1""")
                .execute(Tuple.of(quorum))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(checkpoint(rows.iterator().next())));
    }

    /** The witnesses' signature lines of one checkpoint, by witness name. */
    public Uni<List<String>> cosignatures(SqlClient client, long treeSize) {
        return client.preparedQuery("select signature_line from checkpoint_cosignature where tree_size = $1 order by witness")
                .execute(Tuple.of(treeSize))
                .map(rows -> {
                    List<String> lines = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> lines.add(row.getString("signature_line")));
                    return lines;
                });
    }

    /** Stores or replaces a witness's cosignature of a checkpoint (a later one from the same witness is as good). */
    public Uni<Void> insertCosignature(SqlClient client, long treeSize, String witness, String signatureLine) {
        return client.preparedQuery("""
                        insert into checkpoint_cosignature (tree_size, witness, signature_line) values ($1, $2, $3)
                        on conflict (tree_size, witness) do update set signature_line = excluded.signature_line""")
                .execute(Tuple.of(treeSize, witness, signatureLine))
                .replaceWithVoid();
    }

    /** Every checkpoint, smallest tree first. */
    public Uni<List<Checkpoint>> all(SqlClient client) {
        return client.preparedQuery("select " + COLUMNS + " from signed_checkpoint order by tree_size").execute()
                .map(rows -> {
                    List<Checkpoint> checkpoints = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> checkpoints.add(checkpoint(row)));
                    return checkpoints;
                });
    }

    public Uni<Optional<Checkpoint>> bySize(SqlClient client, long treeSize) {
        return client.preparedQuery("select " + COLUMNS + " from signed_checkpoint where tree_size = $1")
                .execute(Tuple.of(treeSize))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(checkpoint(rows.iterator().next())));
    }

    /** Stores the checkpoint unless one of the same size exists; answers whether it was stored. */
    public Uni<Boolean> insert(SqlClient client, Checkpoint checkpoint) {
        return client.preparedQuery("""
                        insert into signed_checkpoint (tree_size, root_hash, created_at, note, signature, key_id)
                        values ($1, $2, $3, $4, $5, $6) on conflict (tree_size) do nothing""")
                .execute(Tuple.tuple().addValue(checkpoint.treeSize()).addValue(Buffer.buffer(checkpoint.rootHash()))
                        .addValue(checkpoint.timestamp().atOffset(ZoneOffset.UTC)).addValue(checkpoint.note())
                        .addValue(Buffer.buffer(checkpoint.signature())).addValue(checkpoint.keyId()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** When each key signed its first and its last checkpoint, by key id. */
    public Uni<Map<String, KeyUse>> useByKey(SqlClient client) {
        return client.preparedQuery("select key_id, min(created_at) as first, max(created_at) as last from signed_checkpoint group by key_id")
                .execute()
                .map(rows -> {
                    Map<String, KeyUse> uses = new HashMap<>();
                    rows.forEach(row -> uses.put(row.getString("key_id"),
                            new KeyUse(row.getOffsetDateTime("first").toInstant(), row.getOffsetDateTime("last").toInstant())));
                    return uses;
                });
    }

    /** The first and last checkpoint a key signed. */
    public record KeyUse(Instant firstSigned, Instant lastSigned) {
    }

    private static Checkpoint checkpoint(Row row) {
        return new Checkpoint(row.getLong("tree_size"), row.getBuffer("root_hash").getBytes(),
                row.getOffsetDateTime("created_at").toInstant(), row.getString("note"),
                row.getBuffer("signature").getBytes(), row.getString("key_id"));
    }
}
