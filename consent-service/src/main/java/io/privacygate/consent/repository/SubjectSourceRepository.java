package io.privacygate.consent.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where subjects' data came from, and when first (Art. 14, Art. 15(1)(g)). */
@ApplicationScoped
public class SubjectSourceRepository {
    private final Pool pool;

    SubjectSourceRepository(Pool pool) {
        this.pool = pool;
    }

    /** The subject's sources, each with the first date its data was obtained from there, earliest first. */
    public Uni<List<Map<String, Object>>> findBySubject(UUID subjectId) {
        return pool.preparedQuery("select source, obtained_at from subject_source where subject_id = $1 "
                        + "order by obtained_at, source")
                .execute(Tuple.of(subjectId))
                .map(rows -> {
                    List<Map<String, Object>> sources = new ArrayList<>();
                    for (Row row : rows) {
                        Map<String, Object> source = new LinkedHashMap<>();
                        source.put("source", row.getString("source"));
                        source.put("obtainedAt", row.getOffsetDateTime("obtained_at").toInstant());
                        sources.add(source);
                    }
                    return sources;
                });
    }

    /** Inside a transaction: records the source, keeping the earliest date it was obtained from there (idempotent). */
    public Uni<Void> record(UUID subjectId, String source, Instant obtainedAt, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into subject_source (subject_id, source, obtained_at, recorded_at)
                        values (:subject, :source, :obtained, :now)
                        on conflict (subject_id, source)
                        do update set obtained_at = least(subject_source.obtained_at, excluded.obtained_at)""")
                .setParameter("subject", subjectId)
                .setParameter("source", source)
                .setParameter("obtained", obtainedAt)
                .setParameter("now", now)
                .executeUpdate()).replaceWithVoid();
    }
}
