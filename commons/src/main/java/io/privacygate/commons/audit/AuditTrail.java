package io.privacygate.commons.audit;

import io.privacygate.commons.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * Sends audit events to audit-service through the outbox: an event is recorded in the same transaction
 * as the change it describes, and its id makes the append idempotent at the other end.
 */
@ApplicationScoped
public class AuditTrail {
    public static final String DESTINATION = "audit";
    private final Outbox outbox;
    private final String service;

    AuditTrail(Outbox outbox, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.outbox = outbox;
        this.service = service;
    }

    /** Must run inside the transaction of the change being audited. */
    public Uni<Void> record(AuditEntry entry) {
        AuditEvent event = event(entry);
        return outbox.enqueue(DESTINATION, event.eventId(), event);
    }

    /** The event of an entry, as this service sends it: a new event id, now, and this service's name. */
    public AuditEvent event(AuditEntry entry) {
        return new AuditEvent(UUID.randomUUID().toString(), Instant.now(), service, entry.actor(), entry.action(),
                entry.subjectRef() == null ? null : entry.subjectRef().toString(),
                entry.purpose(), entry.legalBasis() == null ? null : entry.legalBasis().name(),
                entry.outcome().name(), entry.details());
    }
}
