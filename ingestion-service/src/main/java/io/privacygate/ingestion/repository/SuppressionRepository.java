package io.privacygate.ingestion.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The suppression list of erased platform ids (blind indexes only), and the links from subjects to the blind
 * indexes of the platform ids they were resolved from, which an erasure turns into suppressions.
 */
@ApplicationScoped
public class SuppressionRepository {
    private final Pool pool;

    SuppressionRepository(Pool pool) {
        this.pool = pool;
    }

    /** A subject's platform id, as its blind index. */
    public record Link(UUID subjectId, String platform, String blindIndex) {
    }

    /** When each of these blind indexes was erased; those not suppressed are absent. */
    public Uni<Map<String, Instant>> erasedAt(Collection<String> blindIndexes) {
        if (blindIndexes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select blind_index, erased_at from suppressed_identifier where blind_index = any($1)")
                .execute(Tuple.of(blindIndexes.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Instant> erased = new HashMap<>();
                    for (Row row : rows) {
                        erased.put(row.getString(0), row.getOffsetDateTime(1).toInstant());
                    }
                    return erased;
                });
    }

    /** Inside the storing transaction: remembers which platform ids each subject was resolved from; in key order. */
    public Uni<Integer> link(Collection<Link> links) {
        if (links.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<String> subjects = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> platforms = new ArrayList<>();
        for (Link link : links) {
            subjects.add(link.subjectId().toString());
            indexes.add(link.blindIndex());
            platforms.add(link.platform());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into subject_identifier (subject_id, blind_index, platform)
                        select s, i, p from unnest(cast(string_to_array(:subjects, ',') as uuid[]),
                                                   string_to_array(:indexes, ','), string_to_array(:platforms, ',')) as l(s, i, p)
                        order by s, i
                        on conflict (subject_id, blind_index) do nothing""")
                .setParameter("subjects", String.join(",", subjects))
                .setParameter("indexes", String.join(",", indexes))
                .setParameter("platforms", String.join(",", platforms))
                .executeUpdate());
    }

    /** Inside the erasure's transaction: the subject's platform ids become suppressed, and the links go. */
    public Uni<Integer> suppress(UUID subjectId, Instant erasedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into suppressed_identifier (blind_index, platform, erased_at)
                        select blind_index, platform, :erased from subject_identifier where subject_id = :subject
                        on conflict (blind_index) do update
                          set erased_at = greatest(suppressed_identifier.erased_at, excluded.erased_at)""")
                        .setParameter("subject", subjectId)
                        .setParameter("erased", erasedAt)
                        .executeUpdate()
                .call(() -> session.createNativeQuery("delete from subject_identifier where subject_id = :subject")
                        .setParameter("subject", subjectId)
                        .executeUpdate()));
    }

    /** Inside a transaction: forgets suppressions older than the list's retention. */
    public Uni<Integer> purgeBefore(Instant cutoff, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        delete from suppressed_identifier where blind_index in
                          (select blind_index from suppressed_identifier where erased_at < :cutoff limit :limit)""")
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate());
    }
}
