package io.privacygate.audit.service.alert;

import io.privacygate.audit.config.DetectionConfig;
import io.privacygate.audit.model.Alert;
import io.privacygate.audit.repository.AlertRepository;
import io.privacygate.commons.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Hands new alerts to the receivers through the outbox: the claim of an alert and its messages commit together,
 * so each alert goes out once to each receiver, with the alert id as idempotency key, and the relay retries.
 * Alerts are claimed even with no receiver configured, so that one added later is not flooded with old alerts.
 */
@ApplicationScoped
public class AlertDispatcher {
    private static final int BATCH = 100;

    private final Pool pool;
    private final AlertRepository alerts;
    private final Outbox outbox;
    private final List<String> receivers;

    AlertDispatcher(Pool pool, AlertRepository alerts, Outbox outbox, DetectionConfig config) {
        this.pool = pool;
        this.alerts = alerts;
        this.outbox = outbox;
        this.receivers = config.receivers().orElse(List.of());
    }

    /** Answers how many alerts were handed over. */
    public Uni<Integer> dispatch() {
        return alerts.undispatched(pool, BATCH).chain(pending -> pending.isEmpty()
                ? Uni.createFrom().item(0)
                : Panache.withTransaction(() -> Multi.createFrom().iterable(pending)
                        .onItem().transformToUniAndConcatenate(this::handOver)
                        .collect().asList()
                        .map(claimed -> (int) claimed.stream().filter(Boolean::booleanValue).count())));
    }

    private Uni<Boolean> handOver(Alert alert) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("update alert set dispatched_at = now() where id = :id and dispatched_at is null")
                        .setParameter("id", alert.id())
                        .executeUpdate())
                .chain(claimed -> claimed == 0
                        ? Uni.createFrom().item(false)
                        : Multi.createFrom().iterable(receivers)
                                .onItem().transformToUniAndConcatenate(receiver -> outbox.enqueue(receiver, alert.id().toString(),
                                        AlertNotice.of(alert)))
                                .collect().asList().replaceWith(true));
    }
}
