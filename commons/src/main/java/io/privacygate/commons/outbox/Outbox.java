package io.privacygate.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.tracing.TraceContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The transactional outbox: a message is written in the caller's transaction, so it exists exactly when
 * the state change it reports exists. {@link OutboxRelay} delivers it later, with retries.
 */
@ApplicationScoped
public class Outbox {
    private final ObjectMapper json;

    Outbox(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Must run inside the transaction of the change. A second message with the same destination and
     * idempotency key is ignored, so a retried request does not notify twice. The current trace context is kept
     * with the message, so that its delivery continues the trace of the change.
     */
    public Uni<Void> enqueue(String destination, String idempotencyKey, Object payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("An outbox payload cannot be serialised", e));
        }
        TraceContext trace = TraceContext.current();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into outbox_message (id, destination, idempotency_key, payload, attempts, next_attempt_at, created_at,
                                                    traceparent, tracestate)
                        values (:id, :destination, :key, :payload, 0, now(), now(), :traceparent, :tracestate)
                        on conflict (destination, idempotency_key) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("destination", destination)
                .setParameter("key", idempotencyKey)
                .setParameter("payload", body)
                .setParameter("traceparent", trace == null ? null : trace.traceparent())
                .setParameter("tracestate", trace == null ? null : trace.tracestate())
                .executeUpdate()).replaceWithVoid();
    }
}
