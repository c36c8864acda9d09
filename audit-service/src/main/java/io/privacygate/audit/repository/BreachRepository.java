package io.privacygate.audit.repository;

import io.privacygate.audit.model.Breach;
import io.privacygate.audit.model.Exemption;
import io.privacygate.audit.model.Risk;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.privacygate.audit.repository.AlertRepository.instant;
import static io.privacygate.audit.repository.AlertRepository.utc;

/** The breach register. A breach is one row, written whole: the register is small and every change is audited. */
@ApplicationScoped
public class BreachRepository {
    private static final String COLUMNS = """
            id, alert_id, nature, data_categories, subject_categories, approx_subjects, approx_records, consequences,
            measures, risk, occurred_at, aware_at, recorded_at, recorded_by, updated_at, authority_notified_at,
            authority_name, authority_reference, late_reasons, subjects_notified_at, subjects_method, subjects_exemption,
            subjects_explanation""";
    /** Must be notified, is not, and the clock ran out: see {@code NotificationClock.overdueIfAwareBefore}. */
    private static final String OVERDUE = "authority_notified_at is null and risk <> 'UNLIKELY' and aware_at < $1";

    public Uni<Void> insert(SqlConnection transaction, Breach breach) {
        return transaction.preparedQuery("insert into breach (" + COLUMNS + ") values "
                        + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)")
                .execute(values(breach)).replaceWithVoid();
    }

    /** Rewrites every column but the id, the alert and who recorded it when. */
    public Uni<Void> update(SqlConnection transaction, Breach breach) {
        return transaction.preparedQuery("""
                        update breach set nature = $2, data_categories = $3, subject_categories = $4, approx_subjects = $5,
                            approx_records = $6, consequences = $7, measures = $8, risk = $9, occurred_at = $10, aware_at = $11,
                            updated_at = $12, authority_notified_at = $13, authority_name = $14, authority_reference = $15,
                            late_reasons = $16, subjects_notified_at = $17, subjects_method = $18, subjects_exemption = $19,
                            subjects_explanation = $20
                        where id = $1""")
                .execute(notifications(description(Tuple.of(breach.id()), breach).addValue(utc(breach.updatedAt())), breach))
                .replaceWithVoid();
    }

    public Uni<Optional<Breach>> find(SqlClient client, UUID id) {
        return client.preparedQuery("select " + COLUMNS + " from breach where id = $1").execute(Tuple.of(id))
                .map(rows -> breaches(rows).stream().findFirst());
    }

    public Uni<Optional<Breach>> lock(SqlConnection transaction, UUID id) {
        return transaction.preparedQuery("select " + COLUMNS + " from breach where id = $1 for update").execute(Tuple.of(id))
                .map(rows -> breaches(rows).stream().findFirst());
    }

    /** Most recently discovered first; only the overdue ones when {@code overdueIfAwareBefore} is given. */
    public Uni<List<Breach>> page(SqlClient client, Instant overdueIfAwareBefore, long offset, int limit) {
        String where = overdueIfAwareBefore == null ? "$1::timestamptz is null" : OVERDUE;
        return client.preparedQuery("select " + COLUMNS + " from breach where " + where
                        + " order by aware_at desc, id offset $2 limit $3")
                .execute(Tuple.of(utc(overdueIfAwareBefore), offset, limit))
                .map(BreachRepository::breaches);
    }

    public Uni<Long> count(SqlClient client, Instant overdueIfAwareBefore) {
        String where = overdueIfAwareBefore == null ? "$1::timestamptz is null" : OVERDUE;
        return client.preparedQuery("select count(*) as n from breach where " + where)
                .execute(Tuple.of(utc(overdueIfAwareBefore)))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** The whole register, in the order the controller became aware. */
    public Uni<List<Breach>> all(SqlClient client) {
        return client.preparedQuery("select " + COLUMNS + " from breach order by aware_at, id").execute()
                .map(BreachRepository::breaches);
    }

    private static Tuple values(Breach b) {
        Tuple row = description(Tuple.of(b.id(), b.alertId()), b)
                .addValue(utc(b.recordedAt())).addValue(b.recordedBy()).addValue(utc(b.updatedAt()));
        return notifications(row, b);
    }

    /** nature … aware_at, in column order. */
    private static Tuple description(Tuple row, Breach b) {
        return row.addValue(b.nature()).addValue(b.dataCategories().toArray(String[]::new))
                .addValue(b.subjectCategories().toArray(String[]::new)).addValue(b.approxSubjects())
                .addValue(b.approxRecords()).addValue(b.consequences()).addValue(b.measures()).addValue(b.risk().name())
                .addValue(utc(b.occurredAt())).addValue(utc(b.awareAt()));
    }

    /** authority_notified_at … subjects_explanation, in column order. */
    private static Tuple notifications(Tuple row, Breach b) {
        Breach.AuthorityNotification authority = b.authority();
        Breach.SubjectNotification subjects = b.subjects();
        return row.addValue(authority == null ? null : utc(authority.notifiedAt()))
                .addValue(authority == null ? null : authority.authority())
                .addValue(authority == null ? null : authority.reference())
                .addValue(authority == null ? null : authority.lateReasons())
                .addValue(subjects == null ? null : utc(subjects.notifiedAt()))
                .addValue(subjects == null ? null : subjects.method())
                .addValue(subjects == null || subjects.exemption() == null ? null : subjects.exemption().name())
                .addValue(subjects == null ? null : subjects.explanation());
    }

    private static List<Breach> breaches(RowSet<Row> rows) {
        List<Breach> breaches = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            Instant authorityAt = instant(row, "authority_notified_at");
            Instant subjectsAt = instant(row, "subjects_notified_at");
            String exemption = row.getString("subjects_exemption");
            breaches.add(new Breach(row.getUUID("id"), row.getUUID("alert_id"), row.getString("nature"),
                    List.of(row.getArrayOfStrings("data_categories")), List.of(row.getArrayOfStrings("subject_categories")),
                    row.getLong("approx_subjects"), row.getLong("approx_records"), row.getString("consequences"),
                    row.getString("measures"), Risk.valueOf(row.getString("risk")), instant(row, "occurred_at"),
                    instant(row, "aware_at"), instant(row, "recorded_at"), row.getString("recorded_by"),
                    instant(row, "updated_at"),
                    authorityAt == null ? null : new Breach.AuthorityNotification(authorityAt, row.getString("authority_name"),
                            row.getString("authority_reference"), row.getString("late_reasons")),
                    subjectsAt == null && exemption == null ? null : new Breach.SubjectNotification(subjectsAt,
                            row.getString("subjects_method"), exemption == null ? null : Exemption.valueOf(exemption),
                            row.getString("subjects_explanation"))));
        }
        return breaches;
    }
}
