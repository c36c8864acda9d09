package io.privacygate.ingestion.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.privacygate.ingestion.model.Platform;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * What operators watch at {@code /q/metrics}: deliveries acknowledged per platform (new or replayed), and
 * events processed per outcome. Their difference over time is the inbox's backlog.
 */
@ApplicationScoped
public class IngestionMetrics {
    private final MeterRegistry registry;

    IngestionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void acknowledged(Platform platform, boolean fresh) {
        registry.counter("ingestion.deliveries", "platform", platform.wireName(), "result", fresh ? "accepted" : "replayed")
                .increment();
    }

    /** @param events counts per outcome: stored, denied, skipped, duplicate */
    public void processed(Map<String, Integer> events) {
        events.forEach((outcome, count) -> registry.counter("ingestion.events", "outcome", outcome).increment(count));
    }
}
