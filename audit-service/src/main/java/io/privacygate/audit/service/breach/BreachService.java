package io.privacygate.audit.service.breach;

import io.privacygate.audit.api.AuthorityNotice;
import io.privacygate.audit.api.BreachDraft;
import io.privacygate.audit.api.SubjectNotice;
import io.privacygate.audit.model.Alert;
import io.privacygate.audit.model.AlertStatus;
import io.privacygate.audit.model.Breach;
import io.privacygate.audit.model.NotificationClock;
import io.privacygate.audit.model.Risk;
import io.privacygate.audit.repository.AlertRepository;
import io.privacygate.audit.repository.BreachRepository;
import io.privacygate.audit.service.append.AppendService;
import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The breach register (Art. 33(5)). Each change and the log entry recording it (Art. 5(2)) commit in one
 * transaction, so the register never changes unaudited and the log never records a change that did not happen.
 */
@ApplicationScoped
public class BreachService {
    private final Pool pool;
    private final BreachRepository breaches;
    private final AlertRepository alerts;
    private final AppendService log;
    private final RegisterAudit audit;

    BreachService(Pool pool, BreachRepository breaches, AlertRepository alerts, AppendService log, RegisterAudit audit) {
        this.pool = pool;
        this.breaches = breaches;
        this.alerts = alerts;
        this.log = log;
        this.audit = audit;
    }

    /** Records a breach by hand, or from the alert the draft names (which is escalated by it). */
    public Uni<Breach> record(BreachDraft draft, String actor) {
        if (draft == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        if (draft.alertId() != null) {
            return fromAlert(draft.alertId(), draft, actor, true);
        }
        BreachRules.checkRequired(draft);
        Instant now = now();
        Breach breach = merge(blank(now, actor), draft, now);
        BreachRules.checkEntry(breach, now);
        return pool.withTransaction(tx -> breaches.insert(tx, breach)
                .call(() -> audited(tx, audit.breachRecorded(breach, actor)))
                .replaceWith(breach));
    }

    /**
     * Escalates an alert to a breach (Art. 33: the DPO judges it one). The alert supplies defaults: its rule as
     * the nature, its distinct subjects and its events as the approximate numbers, its first event as when it
     * happened, and now as awareness; the draft overrides any of them.
     */
    public Uni<Breach> escalate(UUID alertId, BreachDraft draft, String actor) {
        return fromAlert(alertId, draft == null ? BreachDraft.empty() : draft, actor, false);
    }

    private Uni<Breach> fromAlert(UUID alertId, BreachDraft draft, String actor, boolean alertNamedInBody) {
        Instant now = now();
        return pool.withTransaction(tx -> alerts.lock(tx, alertId).chain(found -> {
            Alert alert = found.orElseThrow(() -> alertNamedInBody
                    ? ProblemException.invalidField("alertId", "names no alert")
                    : ProblemException.notFound("No such alert."));
            if (alert.status() == AlertStatus.ESCALATED) {
                throw ProblemException.conflict("The alert was already escalated to breach " + alert.breachId() + ".");
            }
            Breach breach = merge(fromAlert(alert, now, actor), draft, now);
            BreachRules.checkEntry(breach, now);
            return breaches.insert(tx, breach)
                    .call(() -> alerts.escalate(tx, alert.id(), breach.id(), actor, now))
                    .call(() -> audited(tx, audit.alertEscalated(alert, breach.id(), actor), audit.breachRecorded(breach, actor)))
                    .replaceWith(breach);
        }));
    }

    /** Changes the facts of an entry; only the fields given change. */
    public Uni<Breach> amend(UUID id, BreachDraft changes, String actor) {
        if (changes == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        if (changes.alertId() != null) {
            throw ProblemException.invalidField("alertId", "cannot be changed: escalate the alert instead");
        }
        Instant now = now();
        return change(id, before -> {
            Breach after = merge(before, changes, now);
            BreachRules.checkEntry(after, now);
            return after;
        }, (before, after) -> List.of(audit.breachAmended(before, after, changedFields(before, after), actor)));
    }

    /** Records the notification of the supervisory authority; a late one must give its reasons (Art. 33(1)). */
    public Uni<Breach> authorityNotified(UUID id, AuthorityNotice notice, String actor) {
        Instant now = now();
        return change(id, before -> {
            if (before.authority() != null) {
                throw ProblemException.conflict("The notification of the authority is already recorded.");
            }
            BreachRules.checkAuthorityNotice(notice, before, now);
            return with(before, new Breach.AuthorityNotification(notice.notifiedAt(), blankToNull(notice.authority()),
                    notice.reference().strip(), blankToNull(notice.lateReasons())), before.subjects(), now);
        }, (before, after) -> List.of(audit.authorityNotified(after,
                NotificationClock.late(after.awareAt(), after.authority().notifiedAt()), actor)));
    }

    /** Records the communication to the subjects (Art. 34(1)), or the Art. 34(3) exemption that spared it. */
    public Uni<Breach> subjectsNotified(UUID id, SubjectNotice notice, String actor) {
        Instant now = now();
        return change(id, before -> {
            if (before.subjects() != null) {
                throw ProblemException.conflict("The communication to the subjects is already recorded.");
            }
            BreachRules.checkSubjectNotice(notice, before, now);
            return with(before, before.authority(), new Breach.SubjectNotification(notice.notifiedAt(),
                    blankToNull(notice.method()), notice.exemption(), blankToNull(notice.explanation())), now);
        }, (before, after) -> List.of(after.subjects().exemption() != null
                ? audit.subjectsNotNotified(after, after.subjects().exemption(), actor)
                : audit.subjectsNotified(after, actor)));
    }

    public Uni<Breach> find(UUID id) {
        return breaches.find(pool, id).map(found -> found.orElseThrow(() -> ProblemException.notFound("No such breach.")));
    }

    /** Most recently discovered first; {@code overdueOnly} keeps those whose authority notification is overdue. */
    public Uni<Page<Breach>> page(boolean overdueOnly, PageRequest page) {
        Instant cutoff = overdueOnly ? NotificationClock.overdueIfAwareBefore(now()) : null;
        return breaches.count(pool, cutoff).chain(total -> breaches.page(pool, cutoff, page.offset(), page.size())
                .map(items -> new Page<>(items, page.page(), page.size(), total)));
    }

    /** The whole register for the authority; taking it is recorded in the log. */
    public Uni<List<Breach>> export(String format, String actor) {
        return pool.withTransaction(tx -> breaches.all(tx)
                .call(all -> audited(tx, audit.registerExported(format, all.size(), actor))));
    }

    private Uni<Breach> change(UUID id, Function<Breach, Breach> apply,
                               BiFunction<Breach, Breach, List<AuditEvent>> events) {
        return pool.withTransaction(tx -> breaches.lock(tx, id).chain(found -> {
            Breach before = found.orElseThrow(() -> ProblemException.notFound("No such breach."));
            Breach after = apply.apply(before);
            return breaches.update(tx, after)
                    .call(() -> audited(tx, events.apply(before, after).toArray(AuditEvent[]::new)))
                    .replaceWith(after);
        }));
    }

    private Uni<Void> audited(SqlConnection tx, AuditEvent... events) {
        return log.appendWithin(tx, List.of(events)).replaceWithVoid();
    }

    private static Breach blank(Instant now, String actor) {
        return new Breach(UUID.randomUUID(), null, null, List.of(), List.of(), 0, 0, "", "", Risk.RISK, null, now, now, actor, now,
                null, null);
    }

    private static Breach fromAlert(Alert alert, Instant now, String actor) {
        return new Breach(UUID.randomUUID(), alert.id(), alert.rule().description(), List.of(), List.of(),
                alert.subjectRefs().size(), alert.eventCount(), "", "", Risk.RISK, alert.firstEventAt(), now, now, actor, now,
                null, null);
    }

    private static Breach merge(Breach base, BreachDraft draft, Instant now) {
        return new Breach(base.id(), base.alertId(),
                draft.nature() != null ? draft.nature().strip() : base.nature(),
                draft.dataCategories() != null ? stripped(draft.dataCategories()) : base.dataCategories(),
                draft.subjectCategories() != null ? stripped(draft.subjectCategories()) : base.subjectCategories(),
                draft.approxSubjects() != null ? draft.approxSubjects() : base.approxSubjects(),
                draft.approxRecords() != null ? draft.approxRecords() : base.approxRecords(),
                draft.consequences() != null ? draft.consequences().strip() : base.consequences(),
                draft.measures() != null ? draft.measures().strip() : base.measures(),
                draft.risk() != null ? draft.risk() : base.risk(),
                draft.occurredAt() != null ? draft.occurredAt() : base.occurredAt(),
                draft.awareAt() != null ? draft.awareAt() : base.awareAt(),
                base.recordedAt(), base.recordedBy(), now, base.authority(), base.subjects());
    }

    private static Breach with(Breach b, Breach.AuthorityNotification authority, Breach.SubjectNotification subjects, Instant now) {
        return new Breach(b.id(), b.alertId(), b.nature(), b.dataCategories(), b.subjectCategories(), b.approxSubjects(),
                b.approxRecords(), b.consequences(), b.measures(), b.risk(), b.occurredAt(), b.awareAt(), b.recordedAt(),
                b.recordedBy(), now, authority, subjects);
    }

    private static List<String> changedFields(Breach before, Breach after) {
        List<String> fields = new ArrayList<>();
        compare(fields, "nature", before.nature(), after.nature());
        compare(fields, "dataCategories", before.dataCategories(), after.dataCategories());
        compare(fields, "subjectCategories", before.subjectCategories(), after.subjectCategories());
        compare(fields, "approxSubjects", before.approxSubjects(), after.approxSubjects());
        compare(fields, "approxRecords", before.approxRecords(), after.approxRecords());
        compare(fields, "consequences", before.consequences(), after.consequences());
        compare(fields, "measures", before.measures(), after.measures());
        compare(fields, "risk", before.risk(), after.risk());
        compare(fields, "occurredAt", before.occurredAt(), after.occurredAt());
        compare(fields, "awareAt", before.awareAt(), after.awareAt());
        return fields;
    }

    private static void compare(List<String> fields, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(name);
        }
    }

    private static List<String> stripped(List<String> values) {
        return values.stream().map(v -> v == null ? null : v.strip()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Millisecond precision, as PostgreSQL keeps microseconds and JSON clients expect what they sent back. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
