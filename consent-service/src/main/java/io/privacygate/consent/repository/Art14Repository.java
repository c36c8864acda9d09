package io.privacygate.consent.repository;

import io.privacygate.consent.api.Art14Due;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The Art. 14 information given to subjects, and the subjects whose one month to give it runs out. */
@ApplicationScoped
public class Art14Repository {
    private final Pool pool;

    Art14Repository(Pool pool) {
        this.pool = pool;
    }

    /** Inside a transaction: records (or corrects) when and how the subject was informed. */
    public Uni<Void> recordInformed(UUID subjectId, Instant informedAt, String means, String recordedBy, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into subject_art14_information (subject_id, informed_at, means, recorded_by, recorded_at)
                        values (:subject, :informed, :means, :by, :now)
                        on conflict (subject_id) do update set informed_at = excluded.informed_at, means = excluded.means,
                            recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
                .setParameter("subject", subjectId)
                .setParameter("informed", informedAt)
                .setParameter("means", means)
                .setParameter("by", recordedBy)
                .setParameter("now", now)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Confirmed subjects obtained from a source and not informed, whose month (from the earliest source, in calendar
     * months as PostgreSQL adds them: 31 January gives 28 or 29 February) ends before {@code dueBefore}, nearest
     * first; none while no active purpose informs individually. Pending subjects are left out: they are purged
     * within a day unless confirmed, and their clock shows once they are.
     */
    public Uni<List<Art14Due>> due(Instant dueBefore, int offset, int limit) {
        return pool.preparedQuery("""
                        select subject_id, source, obtained_at, due_at from (
                            select distinct on (src.subject_id) src.subject_id, src.source, src.obtained_at,
                                   (src.obtained_at at time zone 'UTC' + interval '1 month') at time zone 'UTC' as due_at
                            from subject_source src
                            join subject s on s.id = src.subject_id and s.pending_until is null
                            where not exists (select 1 from subject_art14_information i where i.subject_id = src.subject_id)
                            order by src.subject_id, src.obtained_at, src.source) earliest
                        where due_at < $1
                          and exists (select 1 from purpose p where p.current and p.status = 'ACTIVE'
                                      and p.art14_notice = 'INDIVIDUAL')
                        order by due_at, subject_id
                        offset $2 limit $3""")
                .execute(Tuple.of(dueBefore.atOffset(ZoneOffset.UTC), offset, limit))
                .map(rows -> {
                    List<Art14Due> due = new ArrayList<>();
                    for (Row row : rows) {
                        due.add(new Art14Due(row.getUUID("subject_id"), row.getOffsetDateTime("obtained_at").toInstant(),
                                row.getString("source"), row.getOffsetDateTime("due_at").toInstant()));
                    }
                    return due;
                });
    }
}
