package io.privacygate.commons.crypto;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rewrites the service's subject ciphertexts of format {@code v1.} (bound to the subject only) as {@code v2.} (bound
 * to their table, column and kind too), in bounded batches while the service serves. Each update applies only if the
 * row still holds the value read, so a concurrent write is never overwritten. Rows whose subject has no data key any
 * more (shredded) are unreadable in any format and left to their erasure. When a pass finds nothing left, the service
 * stops reading v1 for good ({@link CiphertextFormats}).
 */
@ApplicationScoped
public class CiphertextUpgrade {
    private static final Logger LOG = Logger.getLogger(CiphertextUpgrade.class);
    private static final int BATCH = 500;
    private static final String FIRST_ROW = "(0,0)";

    private final Pool pool;
    private final SubjectKeys keys;
    private final CiphertextFormats formats;
    private final List<StoredCiphertexts.StoredColumn> columns;

    CiphertextUpgrade(Pool pool, SubjectKeys keys, CiphertextFormats formats, Instance<StoredCiphertexts> declared) {
        this.pool = pool;
        this.keys = keys;
        this.formats = formats;
        this.columns = declared.stream().flatMap(stored -> stored.columns().stream()).toList();
    }

    @Scheduled(every = "${privacy-gate.keys.ciphertext-upgrade-interval:1h}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> upgradeOutdated() {
        return formats.refresh().chain(subjectOnlyRead -> subjectOnlyRead ? upgradeAll() : Uni.createFrom().item(0L))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Bound %d subject ciphertexts to their columns (format v2)", count);
                    }
                }).replaceWithVoid();
    }

    /** One pass over every declared column; returns how many ciphertexts were rewritten. */
    public Uni<Long> upgradeAll() {
        return Multi.createFrom().iterable(columns)
                .onItem().transformToUniAndConcatenate(column -> upgradeFrom(column, FIRST_ROW, 0L))
                .collect().with(Collectors.summingLong(Long::longValue))
                .call(this::markDoneWhenNoneLeft);
    }

    private Uni<Long> upgradeFrom(StoredCiphertexts.StoredColumn stored, String afterRow, long doneSoFar) {
        return pool.preparedQuery(select(stored)).execute(Tuple.of(afterRow, BATCH)).chain(rows -> {
            List<Row> batch = new ArrayList<>();
            rows.forEach(batch::add);
            if (batch.isEmpty()) {
                return Uni.createFrom().item(doneSoFar);
            }
            String lastRow = batch.get(batch.size() - 1).getString("at");
            return Multi.createFrom().iterable(batch)
                    .onItem().transformToUniAndConcatenate(row -> upgradeRow(stored, row))
                    .collect().with(Collectors.summingLong(Long::longValue))
                    .chain(done -> batch.size() < BATCH
                            ? Uni.createFrom().item(doneSoFar + done)
                            : upgradeFrom(stored, lastRow, doneSoFar + done));
        });
    }

    /** 1 when the row was rewritten; 0 when it changed meanwhile or its key is gone. */
    private Uni<Long> upgradeRow(StoredCiphertexts.StoredColumn stored, Row row) {
        UUID subject = row.getUUID("subject");
        String outdated = row.getString("value");
        EncryptedColumn column = stored.qualifierColumn() == null
                ? stored.column() : stored.column().holding(row.getString("kind"));
        return Panache.withSession(() -> keys.forReading(subject))
                .map(cipher -> cipher.encrypt(column, cipher.decrypt(column, outdated)))
                .chain(upgraded -> pool.preparedQuery(update(stored))
                        .execute(Tuple.of(upgraded, row.getString("at"), outdated))
                        .map(result -> (long) result.rowCount()))
                .onFailure(SubjectKeyShreddedException.class).recoverWithItem(0L);
    }

    private Uni<Void> markDoneWhenNoneLeft() {
        return Multi.createFrom().iterable(columns)
                .onItem().transformToUniAndConcatenate(stored -> pool.query(remaining(stored)).execute()
                        .map(rows -> rows.iterator().next().getLong(0)))
                .collect().with(Collectors.summingLong(Long::longValue))
                .chain(left -> left == 0 ? formats.upgraded() : Uni.createFrom().voidItem());
    }

    private static String select(StoredCiphertexts.StoredColumn stored) {
        EncryptedColumn column = stored.column();
        return "select t.ctid::text as at, t." + stored.subjectColumn() + " as subject, t." + column.column() + " as value"
                + (stored.qualifierColumn() == null ? "" : ", t." + stored.qualifierColumn() + "::text as kind")
                + " from " + column.table() + " t where t.ctid > $1::tid and starts_with(t." + column.column() + ", '"
                + SubjectCipher.SUBJECT_ONLY + "')"
                + " order by t.ctid limit $2";
    }

    private static String update(StoredCiphertexts.StoredColumn stored) {
        EncryptedColumn column = stored.column();
        return "update " + column.table() + " set " + column.column() + " = $1 where ctid = $2::tid and "
                + column.column() + " = $3";
    }

    /** Outdated ciphertexts that could still be read: their subject still has a data key. */
    private static String remaining(StoredCiphertexts.StoredColumn stored) {
        EncryptedColumn column = stored.column();
        return "select count(*) from " + column.table() + " t where starts_with(t." + column.column() + ", '"
                + SubjectCipher.SUBJECT_ONLY + "')"
                + " and exists (select 1 from subject_key k where k.subject_id = t." + stored.subjectColumn() + ")";
    }
}
