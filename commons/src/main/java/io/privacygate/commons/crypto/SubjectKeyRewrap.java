package io.privacygate.commons.crypto;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * DESIGN §3, covering backups: after the KEK is rotated (Vault's auto-rotation, or a new version added to
 * the local keyring), live subject keys are rewrapped under the newest version, in bounded batches. Once
 * a round finds nothing left, the operator can raise the minimum decryption version, and backups older
 * than that can no longer be decrypted, including the keys of subjects erased since.
 */
@ApplicationScoped
public class SubjectKeyRewrap {
    private static final Logger LOG = Logger.getLogger(SubjectKeyRewrap.class);
    private static final int BATCH = 500;

    private final Pool pool;
    private final KeyProvider provider;

    SubjectKeyRewrap(Pool pool, KeyProvider provider) {
        this.pool = pool;
        this.provider = provider;
    }

    @Scheduled(every = "${privacy-gate.keys.rewrap-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> rewrapStale() {
        return rewrapAll().invoke(count -> {
            if (count > 0) {
                LOG.infof("Rewrapped %d subject keys under the newest KEK version", count);
            }
        }).replaceWithVoid();
    }

    /** Rewraps every subject key not yet under the newest KEK version; returns how many were rewrapped. */
    public Uni<Long> rewrapAll() {
        return provider.currentPrefix(WrappingKey.SUBJECT_KEK).chain(prefix -> rewrapBatches(prefix, 0L));
    }

    private Uni<Long> rewrapBatches(String prefix, long doneSoFar) {
        return pool.withTransaction(connection -> rewrapBatch(connection, prefix))
                .chain(done -> done < BATCH
                        ? Uni.createFrom().item(doneSoFar + done)
                        : rewrapBatches(prefix, doneSoFar + done));
    }

    private Uni<Integer> rewrapBatch(SqlConnection connection, String prefix) {
        return connection.preparedQuery("""
                        select subject_id, wrapped_dek from subject_key
                        where not starts_with(wrapped_dek, $1) limit $2 for update skip locked""")
                .execute(Tuple.of(prefix, BATCH))
                .chain(rows -> {
                    List<Row> stale = new ArrayList<>();
                    rows.forEach(stale::add);
                    return Multi.createFrom().iterable(stale)
                            .onItem().transformToUniAndConcatenate(row -> provider
                                    .rewrap(WrappingKey.SUBJECT_KEK, row.getString("wrapped_dek"))
                                    .map(rewrapped -> Tuple.of(rewrapped, row.getUUID("subject_id"))))
                            .collect().asList()
                            .chain(updates -> updates.isEmpty()
                                    ? Uni.createFrom().item(0)
                                    : connection.preparedQuery("update subject_key set wrapped_dek = $1 where subject_id = $2")
                                    .executeBatch(updates).replaceWith(updates.size()));
                });
    }
}
