package io.privacygate.audit.service.alert;

import io.privacygate.audit.model.RuleKind;
import io.privacygate.audit.model.Alert;
import io.privacygate.audit.model.AlertStatus;
import io.privacygate.audit.repository.AlertRepository;
import io.privacygate.audit.service.append.AppendService;
import io.privacygate.audit.service.breach.RegisterAudit;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The alert desk: what detection raised, and the DPO's decision on each, audited in the log. */
@ApplicationScoped
public class AlertService {
    private final Pool pool;
    private final AlertRepository alerts;
    private final AppendService log;
    private final RegisterAudit audit;

    AlertService(Pool pool, AlertRepository alerts, AppendService log, RegisterAudit audit) {
        this.pool = pool;
        this.alerts = alerts;
        this.log = log;
        this.audit = audit;
    }

    public Uni<Page<Alert>> page(AlertStatus status, RuleKind rule, PageRequest page) {
        return alerts.count(pool, status, rule).chain(total -> alerts.page(pool, status, rule, page.offset(), page.size())
                .map(items -> new Page<>(items, page.page(), page.size(), total)));
    }

    public Uni<Alert> find(UUID id) {
        return alerts.find(pool, id).map(found -> found.orElseThrow(() -> ProblemException.notFound("No such alert.")));
    }

    /**
     * The DPO looked and judged it no breach. Acknowledging again changes nothing; an escalated alert stays
     * escalated, since the breach register (Art. 33(5)) now holds it.
     */
    public Uni<Alert> acknowledge(UUID id, String actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return pool.withTransaction(tx -> alerts.lock(tx, id).chain(found -> {
            Alert alert = found.orElseThrow(() -> ProblemException.notFound("No such alert."));
            return switch (alert.status()) {
                case ACKNOWLEDGED -> Uni.createFrom().item(alert);
                case ESCALATED -> throw ProblemException.conflict("The alert was escalated to breach " + alert.breachId()
                        + "; it cannot be acknowledged.");
                case OPEN -> alerts.acknowledge(tx, id, actor, now)
                        .chain(() -> log.appendWithin(tx, List.of(audit.alertAcknowledged(alert, actor))))
                        .chain(() -> alerts.lock(tx, id)).map(Optional::orElseThrow);
            };
        }));
    }
}
