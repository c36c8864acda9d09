package io.privacygate.audit.repository;

import io.privacygate.audit.model.NodeId;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored perfect subtrees. Level 0 (the leaf hashes) lives in {@code log_entry}; higher levels in
 * {@code merkle_node}. Either way a caller asks for the nodes it needs and gets them in one query.
 */
@ApplicationScoped
public class MerkleNodeRepository {

    /** The stored hashes of these subtrees; a subtree with no row is absent from the map. */
    public Uni<Map<NodeId, byte[]>> find(SqlClient client, Collection<NodeId> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Short> levels = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        List<Long> leaves = new ArrayList<>();
        for (NodeId id : ids) {
            if (id.level() == 0) {
                leaves.add(id.index());
            } else {
                levels.add((short) id.level());
                indexes.add(id.index());
            }
        }
        // LATERAL makes each wanted node a primary-key probe, whatever the planner guesses about the array.
        return client.preparedQuery("""
                        select n.level, n.idx, n.hash from unnest($1::smallint[], $2::bigint[]) as wanted(level, idx)
                          cross join lateral (select level, idx, hash from merkle_node m
                                              where m.level = wanted.level and m.idx = wanted.idx) n
                        union all
                        select 0::smallint, e.idx, e.leaf_hash from log_entry e where e.idx = any($3::bigint[])""")
                .execute(Tuple.of(levels.toArray(Short[]::new), indexes.toArray(Long[]::new), leaves.toArray(Long[]::new)))
                .map(MerkleNodeRepository::byId);
    }

    /**
     * The stored subtrees above the leaves with, at each level, an index in {@code [first, last]}: one
     * primary-key range scan per level, for reading a whole stretch of the tree.
     */
    public Uni<Map<NodeId, byte[]>> findRanges(SqlClient client, List<LevelRange> ranges) {
        if (ranges.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("""
                        select n.level, n.idx, n.hash from unnest($1::smallint[], $2::bigint[], $3::bigint[]) as r(level, first, last)
                          cross join lateral (select level, idx, hash from merkle_node m
                                              where m.level = r.level and m.idx between r.first and r.last) n""")
                .execute(Tuple.of(ranges.stream().map(r -> (short) r.level()).toArray(Short[]::new),
                        ranges.stream().map(LevelRange::first).toArray(Long[]::new),
                        ranges.stream().map(LevelRange::last).toArray(Long[]::new)))
                .map(MerkleNodeRepository::byId);
    }

    private static Map<NodeId, byte[]> byId(RowSet<Row> rows) {
        Map<NodeId, byte[]> found = new HashMap<>();
        for (Row row : rows) {
            found.put(new NodeId(row.getShort("level"), row.getLong("idx")), row.getBuffer("hash").getBytes());
        }
        return found;
    }

    /** Subtrees {@code first..last} (inclusive) of one level. */
    public record LevelRange(int level, long first, long last) {
    }

    /** Stores subtrees above the leaves (level ≥ 1). */
    public Uni<Void> insertAll(SqlConnection transaction, Map<NodeId, byte[]> nodes) {
        if (nodes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Short[] levels = new Short[nodes.size()];
        Long[] indexes = new Long[nodes.size()];
        Buffer[] hashes = new Buffer[nodes.size()];
        int i = 0;
        for (Map.Entry<NodeId, byte[]> node : nodes.entrySet()) {
            levels[i] = (short) node.getKey().level();
            indexes[i] = node.getKey().index();
            hashes[i] = Buffer.buffer(node.getValue());
            i++;
        }
        return transaction.preparedQuery("""
                        insert into merkle_node (level, idx, hash)
                        select * from unnest($1::smallint[], $2::bigint[], $3::bytea[])""")
                .execute(Tuple.of(levels, indexes, hashes))
                .replaceWithVoid();
    }
}
