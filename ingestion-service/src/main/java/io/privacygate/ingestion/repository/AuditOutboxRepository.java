package io.privacygate.ingestion.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.audit.AuditTrail;
import io.privacygate.commons.tracing.TraceContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Many audit events into commons' outbox in one statement, for the inbox worker, which records one event
 * per social event: commons' {@code Outbox.enqueue} writes one row per call, and hundreds of sequential
 * statements per round starve under webhook load. Rows have exactly the shape {@code Outbox} writes
 * (destination {@value AuditTrail#DESTINATION}, the event id as idempotency key, the event as JSON, the current
 * trace context), so {@code OutboxRelay} delivers them like any other, in the trace of the round that wrote them.
 */
@ApplicationScoped
public class AuditOutboxRepository {
    private final ObjectMapper json;

    /** The application's mapper, so that audit events are written exactly as commons' outbox writes them. */
    AuditOutboxRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Inside the caller's transaction. */
    public Uni<Void> enqueueAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map<String, String>> rows = new ArrayList<>(events.size());
        try {
            for (AuditEvent event : events) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("id", UUID.randomUUID().toString());
                row.put("key", event.eventId());
                row.put("payload", json.writeValueAsString(event));
                rows.add(row);
            }
            String parameter = Json.write(rows);
            TraceContext trace = TraceContext.current();
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into outbox_message (id, destination, idempotency_key, payload, attempts, next_attempt_at, created_at,
                                                        traceparent, tracestate)
                            select r.id, :destination, r.key, r.payload, 0, now(), now(), cast(:traceparent as text), cast(:tracestate as text)
                            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id uuid, key text, payload text)
                            on conflict (destination, idempotency_key) do nothing""")
                    .setParameter("destination", AuditTrail.DESTINATION)
                    .setParameter("rows", parameter)
                    .setParameter("traceparent", trace == null ? null : trace.traceparent())
                    .setParameter("tracestate", trace == null ? null : trace.tracestate())
                    .executeUpdate()).replaceWithVoid();
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("An audit event cannot be serialised", e));
        }
    }
}
