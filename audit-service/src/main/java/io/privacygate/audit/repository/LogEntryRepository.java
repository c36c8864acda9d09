package io.privacygate.audit.repository;

import io.privacygate.audit.model.LogEntry;
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
import java.util.Optional;

/** The leaves. Writes are set-based ({@code unnest} of arrays): one statement per batch, whatever its size. */
@ApplicationScoped
public class LogEntryRepository {

    /** The entries already holding these event ids, by event id. */
    public Uni<Map<String, StoredEntry>> findByEventIds(SqlClient client, Collection<String> eventIds) {
        return client.preparedQuery("""
                        select idx, event_id, subject_ref, leaf_hash from log_entry where event_id = any($1)""")
                .execute(Tuple.of(eventIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, StoredEntry> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(row.getString("event_id"), new StoredEntry(row.getLong("idx"), row.getString("event_id"),
                                row.getString("subject_ref"), null, row.getBuffer("leaf_hash").getBytes()));
                    }
                    return found;
                });
    }

    public Uni<Void> insertAll(SqlConnection transaction, List<StoredEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = entries.size();
        Long[] indexes = new Long[n];
        String[] eventIds = new String[n];
        String[] subjectRefs = new String[n];
        Buffer[] leafData = new Buffer[n];
        Buffer[] leafHashes = new Buffer[n];
        for (int i = 0; i < n; i++) {
            StoredEntry entry = entries.get(i);
            indexes[i] = entry.index();
            eventIds[i] = entry.eventId();
            subjectRefs[i] = entry.subjectRef();
            leafData[i] = Buffer.buffer(entry.leafData());
            leafHashes[i] = Buffer.buffer(entry.leafHash());
        }
        return transaction.preparedQuery("""
                        insert into log_entry (idx, event_id, subject_ref, leaf_data, leaf_hash)
                        select * from unnest($1::bigint[], $2::text[], $3::text[], $4::bytea[], $5::bytea[])""")
                .execute(Tuple.tuple().addValue(indexes).addValue(eventIds).addValue(subjectRefs)
                        .addValue(leafData).addValue(leafHashes))
                .replaceWithVoid();
    }

    public Uni<Optional<LogEntry>> find(SqlClient client, long index) {
        return client.preparedQuery("select idx, leaf_data from log_entry where idx = $1").execute(Tuple.of(index))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(entry(rows.iterator().next())));
    }

    /** A subject's entries, oldest first. */
    public Uni<List<LogEntry>> findBySubject(SqlClient client, String subjectRef, long offset, int limit) {
        return client.preparedQuery("""
                        select idx, leaf_data from log_entry where subject_ref = $1 order by idx offset $2 limit $3""")
                .execute(Tuple.of(subjectRef, offset, limit))
                .map(rows -> {
                    List<LogEntry> entries = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> entries.add(entry(row)));
                    return entries;
                });
    }

    public Uni<Long> countBySubject(SqlClient client, String subjectRef) {
        return client.preparedQuery("select count(*) as n from log_entry where subject_ref = $1")
                .execute(Tuple.of(subjectRef))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Every stored column of the entries in {@code [from, to)}, by index. */
    public Uni<List<StoredEntry>> range(SqlClient client, long from, long to) {
        return client.preparedQuery("""
                        select idx, event_id, subject_ref, leaf_data, leaf_hash from log_entry
                        where idx >= $1 and idx < $2 order by idx""")
                .execute(Tuple.of(from, to))
                .map(rows -> {
                    List<StoredEntry> entries = new ArrayList<>(rows.rowCount());
                    for (Row row : rows) {
                        entries.add(new StoredEntry(row.getLong("idx"), row.getString("event_id"), row.getString("subject_ref"),
                                row.getBuffer("leaf_data").getBytes(), row.getBuffer("leaf_hash").getBytes()));
                    }
                    return entries;
                });
    }

    /** The leaf hashes of {@code [from, to)}, by index; a missing row is simply absent. */
    public Uni<List<byte[]>> leafHashes(SqlClient client, long from, long to) {
        return client.preparedQuery("select leaf_hash from log_entry where idx >= $1 and idx < $2 order by idx")
                .execute(Tuple.of(from, to))
                .map(rows -> {
                    List<byte[]> hashes = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> hashes.add(row.getBuffer("leaf_hash").getBytes()));
                    return hashes;
                });
    }

    /** The leaves of {@code [from, to)}, by index; a missing row is simply absent. */
    public Uni<List<LogEntry>> leaves(SqlClient client, long from, long to) {
        return client.preparedQuery("select idx, leaf_data from log_entry where idx >= $1 and idx < $2 order by idx")
                .execute(Tuple.of(from, to))
                .map(LogEntryRepository::entries);
    }

    private static List<LogEntry> entries(RowSet<Row> rows) {
        List<LogEntry> entries = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> entries.add(entry(row)));
        return entries;
    }

    /** The lowest index at or beyond {@code size}: a row there was not appended by the service. */
    public Uni<Optional<Long>> firstIndexFrom(SqlClient client, long size) {
        return client.preparedQuery("select min(idx) as idx from log_entry where idx >= $1").execute(Tuple.of(size))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getLong("idx")));
    }

    private static LogEntry entry(Row row) {
        return new LogEntry(row.getLong("idx"), row.getBuffer("leaf_data").getBytes());
    }
}
