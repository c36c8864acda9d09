package io.privacygate.commons.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per destination: how many outbox messages are not yet delivered ({@code privacygate.outbox.backlog}) and how long
 * the oldest of them has waited ({@code privacygate.outbox.oldest.age}, seconds). Read from the table on a short
 * schedule with one grouped query, not counted per message, so every replica reports the same and a restart loses
 * nothing. Configured destinations show 0 before their first message, so an alert has a series to watch.
 */
@ApplicationScoped
public class OutboxMetrics {
    static final String BACKLOG = "privacygate.outbox.backlog";
    static final String OLDEST_AGE = "privacygate.outbox.oldest.age";

    private final Pool pool;
    private final MeterRegistry registry;
    private final Map<String, Backlog> byDestination = new ConcurrentHashMap<>();

    /** Volatile fields, read by the gauges at scrape and written by the refresh. */
    private static final class Backlog {
        volatile long waiting;
        volatile double oldestSeconds;
    }

    OutboxMetrics(Pool pool, OutboxConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
        config.destinations().keySet().forEach(this::backlog);
    }

    @Scheduled(every = "${privacy-gate.outbox.metrics-interval:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh();
    }

    public Uni<Void> refresh() {
        return pool.query("""
                        select destination, count(*) as waiting,
                               extract(epoch from now() - min(created_at))::float8 as oldest
                        from outbox_message group by destination""")
                .execute()
                .invoke(rows -> {
                    Set<String> seen = new HashSet<>();
                    for (Row row : rows) {
                        Backlog backlog = backlog(row.getString("destination"));
                        backlog.waiting = row.getLong("waiting");
                        backlog.oldestSeconds = Math.max(0, row.getDouble("oldest"));
                        seen.add(row.getString("destination"));
                    }
                    byDestination.forEach((destination, backlog) -> {
                        if (!seen.contains(destination)) {
                            backlog.waiting = 0;
                            backlog.oldestSeconds = 0;
                        }
                    });
                })
                .replaceWithVoid();
    }

    private Backlog backlog(String destination) {
        return byDestination.computeIfAbsent(destination, name -> {
            Backlog backlog = new Backlog();
            Gauge.builder(BACKLOG, backlog, b -> b.waiting)
                    .description("Outbox messages not yet delivered")
                    .tag("destination", name)
                    .register(registry);
            Gauge.builder(OLDEST_AGE, backlog, b -> b.oldestSeconds)
                    .description("Age of the oldest outbox message not yet delivered")
                    .baseUnit("seconds")
                    .tag("destination", name)
                    .register(registry);
            return backlog;
        });
    }
}
