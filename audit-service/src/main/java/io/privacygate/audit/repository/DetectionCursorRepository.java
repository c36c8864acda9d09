package io.privacygate.audit.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The one-row detection cursor: the first index no rule has seen yet. */
@ApplicationScoped
public class DetectionCursorRepository {

    /**
     * Locks the cursor until the transaction ends and reads it; empty when another replica holds it, which
     * then is the one evaluating (SKIP LOCKED: nobody waits).
     */
    public Uni<Optional<Long>> lock(SqlConnection transaction) {
        return transaction.preparedQuery("select next_index from detection_cursor where id = 1 for update skip locked")
                .execute()
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("next_index")));
    }

    public Uni<Long> next(SqlClient client) {
        return client.preparedQuery("select next_index from detection_cursor where id = 1").execute()
                .map(rows -> rows.iterator().next().getLong("next_index"));
    }

    public Uni<Void> advance(SqlConnection transaction, long next) {
        return transaction.preparedQuery("update detection_cursor set next_index = $1 where id = 1")
                .execute(Tuple.of(next)).replaceWithVoid();
    }
}
