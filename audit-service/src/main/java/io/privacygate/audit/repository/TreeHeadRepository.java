package io.privacygate.audit.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The one-row tree head: how many leaves the log holds. */
@ApplicationScoped
public class TreeHeadRepository {

    /**
     * Reads the size and locks the row until the transaction ends, so that appends (on any replica) run one
     * after another and each sees the leaves the previous one committed.
     */
    public Uni<Long> lockSize(SqlConnection transaction) {
        return transaction.preparedQuery("select size from tree_head where id = 1 for update").execute()
                .map(rows -> rows.iterator().next().getLong("size"));
    }

    public Uni<Long> size(SqlClient client) {
        return client.preparedQuery("select size from tree_head where id = 1").execute()
                .map(rows -> rows.iterator().next().getLong("size"));
    }

    public Uni<Void> setSize(SqlConnection transaction, long size) {
        return transaction.preparedQuery("update tree_head set size = $1 where id = 1").execute(Tuple.of(size))
                .replaceWithVoid();
    }
}
