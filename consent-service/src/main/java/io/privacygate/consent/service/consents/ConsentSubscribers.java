package io.privacygate.consent.service.consents;

import io.privacygate.commons.outbox.Outbox;
import io.privacygate.commons.outbox.OutboxConfig;
import io.privacygate.consent.api.ConsentChange;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.model.ConsentEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Tells the configured subscribers (outbox destinations named by {@code privacy-gate.consent.subscribers})
 * about every consent event, in the transaction that records it, so that a withdrawal stops processing
 * elsewhere too (Art. 7(3)). The event id is the idempotency key of each delivery.
 */
@ApplicationScoped
public class ConsentSubscribers {
    private final Outbox outbox;
    private final List<String> subscribers;
    private final OutboxConfig outboxConfig;

    ConsentSubscribers(Outbox outbox, ConsentConfig config, OutboxConfig outboxConfig) {
        this.outbox = outbox;
        this.subscribers = config.subscribers().orElse(List.of());
        this.outboxConfig = outboxConfig;
    }

    /** A subscriber without a destination would silently never hear of a withdrawal: refuse to start. */
    void checkDestinations(@Observes StartupEvent event) {
        for (String subscriber : subscribers) {
            if (!outboxConfig.destinations().containsKey(subscriber)) {
                throw new ConfigurationException("Consent subscriber '" + subscriber + "' has no outbox destination: set "
                        + "privacy-gate.outbox.destinations." + subscriber + ".url");
            }
        }
    }

    /** Must run inside the transaction that records the event. */
    public Uni<Void> notify(ConsentEvent event) {
        ConsentChange change = new ConsentChange(event.id, event.subjectId, event.purposeKey, event.state, event.capturedAt);
        return Multi.createFrom().iterable(subscribers)
                .onItem().transformToUniAndConcatenate(subscriber -> outbox.enqueue(subscriber, event.id.toString(), change))
                .collect().last().replaceWithVoid();
    }
}
