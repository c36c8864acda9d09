package io.privacygate.audit.repository;

import io.privacygate.audit.model.Finding;
import io.privacygate.audit.model.RuleKind;
import io.privacygate.audit.model.Alert;
import io.privacygate.audit.model.AlertStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Alerts. An evaluation writes all it found with one batch; a finding whose fingerprint exists grows that alert. */
@ApplicationScoped
public class AlertRepository {
    private static final String COLUMNS = """
            id, rule, status, key, reasons, subject_refs, event_count, evidence, evidence_complete, first_event_at, last_event_at, threshold,
            window_seconds, raised_at, acknowledged_at, acknowledged_by, escalated_at, escalated_by, breach_id""";

    /**
     * Inserts new alerts and extends known ones (status and decisions untouched); answers the rules of the alerts
     * that were new. An extension only ever adds: evidence is replaced by a snapshot counting more events.
     */
    public Uni<List<RuleKind>> upsert(SqlConnection transaction, List<Finding> findings, Instant now) {
        if (findings.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Tuple> rows = findings.stream().map(f -> Tuple.tuple()
                .addValue(UUID.randomUUID()).addValue(f.fingerprint()).addValue(f.rule().name())
                .addValue(f.rule().severity().name()).addValue(f.rule().keyKind().name()).addValue(f.key())
                .addValue(f.reasons().toArray(String[]::new)).addValue(f.subjectRefs().toArray(String[]::new))
                .addValue(f.eventCount()).addValue(f.evidence().toArray(Long[]::new)).addValue(f.evidenceComplete())
                .addValue(utc(f.firstEventAt())).addValue(utc(f.lastEventAt()))
                .addValue(f.limit()).addValue(f.window().toSeconds()).addValue(utc(now))).toList();
        return transaction.preparedQuery("""
                        insert into alert (id, fingerprint, rule, severity, status, key_kind, key, reasons, subject_refs,
                                           event_count, evidence, evidence_complete, first_event_at, last_event_at, threshold,
                                           window_seconds, raised_at)
                        values ($1, $2, $3, $4, 'OPEN', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                        on conflict (fingerprint) do update set
                            reasons      = case when excluded.event_count > alert.event_count then excluded.reasons else alert.reasons end,
                            subject_refs = case when excluded.event_count > alert.event_count then excluded.subject_refs else alert.subject_refs end,
                            evidence     = case when excluded.event_count > alert.event_count then excluded.evidence else alert.evidence end,
                            evidence_complete = case when excluded.event_count > alert.event_count
                                                     then excluded.evidence_complete else alert.evidence_complete end,
                            event_count  = greatest(alert.event_count, excluded.event_count),
                            last_event_at = greatest(alert.last_event_at, excluded.last_event_at)
                        returning (xmax = 0) as inserted, rule""")
                .executeBatch(rows)
                .map(AlertRepository::newRules);
    }

    private static List<RuleKind> newRules(RowSet<Row> first) {
        List<RuleKind> created = new ArrayList<>();
        for (RowSet<Row> rows = first; rows != null; rows = rows.next()) {
            for (Row row : rows) {
                if (row.getBoolean("inserted")) {
                    created.add(RuleKind.valueOf(row.getString("rule")));
                }
            }
        }
        return created;
    }

    /** Newest first, optionally of one status and one rule. */
    public Uni<List<Alert>> page(SqlClient client, AlertStatus status, RuleKind rule, long offset, int limit) {
        return client.preparedQuery("select " + COLUMNS + """
                         from alert where ($1::text is null or status = $1) and ($2::text is null or rule = $2)
                        order by raised_at desc, id offset $3 limit $4""")
                .execute(Tuple.of(name(status), name(rule), offset, limit))
                .map(AlertRepository::alerts);
    }

    public Uni<Long> count(SqlClient client, AlertStatus status, RuleKind rule) {
        return client.preparedQuery("""
                        select count(*) as n from alert where ($1::text is null or status = $1) and ($2::text is null or rule = $2)""")
                .execute(Tuple.of(name(status), name(rule)))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    public Uni<Optional<Alert>> find(SqlClient client, UUID id) {
        return client.preparedQuery("select " + COLUMNS + " from alert where id = $1").execute(Tuple.of(id))
                .map(rows -> alerts(rows).stream().findFirst());
    }

    /** Reads the alert and locks it until the transaction ends, so that two decisions on it cannot cross. */
    public Uni<Optional<Alert>> lock(SqlConnection transaction, UUID id) {
        return transaction.preparedQuery("select " + COLUMNS + " from alert where id = $1 for update").execute(Tuple.of(id))
                .map(rows -> alerts(rows).stream().findFirst());
    }

    public Uni<Void> acknowledge(SqlConnection transaction, UUID id, String actor, Instant at) {
        return transaction.preparedQuery("""
                        update alert set status = 'ACKNOWLEDGED', acknowledged_at = $2, acknowledged_by = $3 where id = $1""")
                .execute(Tuple.of(id, utc(at), actor)).replaceWithVoid();
    }

    public Uni<Void> escalate(SqlConnection transaction, UUID id, UUID breachId, String actor, Instant at) {
        return transaction.preparedQuery("""
                        update alert set status = 'ESCALATED', escalated_at = $2, escalated_by = $3, breach_id = $4 where id = $1""")
                .execute(Tuple.of(id, utc(at), actor, breachId)).replaceWithVoid();
    }

    /** Alerts not yet handed to the receivers, oldest first. */
    /** Deletes the alerts acknowledged as no breach before {@code cutoff}; answers how many. */
    public Uni<Integer> deleteAcknowledgedBefore(SqlClient client, Instant cutoff) {
        return client.preparedQuery("""
                        delete from alert where status = 'ACKNOWLEDGED' and breach_id is null and acknowledged_at < $1
                          and not exists (select 1 from breach b where b.alert_id = alert.id)""")
                .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC)))
                .map(RowSet::rowCount);
    }

    public Uni<List<Alert>> undispatched(SqlClient client, int limit) {
        return client.preparedQuery("select " + COLUMNS + " from alert where dispatched_at is null order by raised_at limit $1")
                .execute(Tuple.of(limit))
                .map(AlertRepository::alerts);
    }

    private static List<Alert> alerts(RowSet<Row> rows) {
        List<Alert> alerts = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            alerts.add(new Alert(row.getUUID("id"), RuleKind.valueOf(row.getString("rule")),
                    AlertStatus.valueOf(row.getString("status")), row.getString("key"),
                    List.of(row.getArrayOfStrings("reasons")), List.of(row.getArrayOfStrings("subject_refs")),
                    row.getLong("event_count"), Arrays.asList(row.getArrayOfLongs("evidence")), row.getBoolean("evidence_complete"),
                    instant(row, "first_event_at"), instant(row, "last_event_at"), row.getInteger("threshold"),
                    Duration.ofSeconds(row.getLong("window_seconds")), instant(row, "raised_at"),
                    instant(row, "acknowledged_at"), row.getString("acknowledged_by"), instant(row, "escalated_at"),
                    row.getString("escalated_by"), row.getUUID("breach_id")));
        }
        return alerts;
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
