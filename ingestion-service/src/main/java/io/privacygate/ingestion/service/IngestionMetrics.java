package io.privacygate.ingestion.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.repository.InboxRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * What operators watch at {@code /q/metrics}: deliveries acknowledged per platform (new or replayed), events
 * processed per outcome, webhook signature failures per platform, and the inbox's backlog and lag (read from the
 * table on a schedule, so every replica reports the same).
 */
@ApplicationScoped
public class IngestionMetrics {
    private final MeterRegistry registry;
    private final InboxRepository inbox;
    private volatile InboxRepository.Backlog backlog = new InboxRepository.Backlog(0, 0);

    IngestionMetrics(MeterRegistry registry, InboxRepository inbox) {
        this.registry = registry;
        this.inbox = inbox;
        Gauge.builder("privacygate.ingestion.inbox.backlog", this, m -> m.backlog.waiting())
                .description("Webhook and import deliveries acknowledged and not yet processed")
                .register(registry);
        Gauge.builder("privacygate.ingestion.inbox.lag", this, m -> m.backlog.lagSeconds())
                .description("Age of the oldest delivery waiting in the inbox")
                .baseUnit("seconds")
                .register(registry);
    }

    public void acknowledged(Platform platform, boolean fresh) {
        registry.counter("ingestion.deliveries", "platform", platform.wireName(), "result", fresh ? "accepted" : "replayed")
                .increment();
    }

    /** @param events counts per outcome: stored, denied, skipped, duplicate */
    public void processed(Map<String, Integer> events) {
        events.forEach((outcome, count) -> registry.counter("ingestion.events", "outcome", outcome).increment(count));
    }

    /** A delivery refused for its signature; a spike is someone probing the webhook or a rotated secret. */
    public void signatureFailed(Platform platform) {
        Counter.builder("privacygate.ingestion.signature.failures")
                .description("Webhook deliveries refused for a missing or wrong signature")
                .tag("platform", platform.wireName())
                .register(registry)
                .increment();
    }

    public Uni<Void> refreshInbox() {
        return inbox.backlog().invoke(read -> backlog = read).replaceWithVoid();
    }
}
