package io.privacygate.commons.crypto;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Whether this service still reads subject ciphertexts of format {@code v1.} (bound to the subject only). It does
 * until its {@link CiphertextUpgrade} records, in {@code ciphertext_upgrade}, that none is left; from then on a v1
 * value (one restored from an old backup into another column, say) is refused as tampering.
 */
@ApplicationScoped
public class CiphertextFormats {
    private static final Logger LOG = Logger.getLogger(CiphertextFormats.class);
    static final String SUBJECT_ONLY = "v1";
    private final Pool pool;
    private volatile boolean subjectOnlyRead = true;

    CiphertextFormats(Pool pool) {
        this.pool = pool;
    }

    /** Until the record is read (or if it cannot be), v1 stays readable: the side on which no data is lost. */
    void load(@Observes StartupEvent event) {
        refresh().subscribe().with(read -> { }, failure -> LOG.warnf(
                "Cannot read which ciphertext formats are retired yet (%s); the next upgrade round reads it again",
                failure.getClass().getSimpleName()));
    }

    /** Reads the record again; a failure leaves the last answer. */
    Uni<Boolean> refresh() {
        return pool.preparedQuery("select count(*) from ciphertext_upgrade where format = $1")
                .execute(Tuple.of(SUBJECT_ONLY))
                .map(rows -> rows.iterator().next().getLong(0) == 0)
                .invoke(read -> subjectOnlyRead = read);
    }

    boolean subjectOnlyRead() {
        return subjectOnlyRead;
    }

    Uni<Void> upgraded() {
        return pool.preparedQuery("insert into ciphertext_upgrade (format, completed_at) values ($1, now()) on conflict do nothing")
                .execute(Tuple.of(SUBJECT_ONLY))
                .invoke(() -> subjectOnlyRead = false)
                .replaceWithVoid();
    }
}
