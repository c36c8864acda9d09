package io.privacygate.consent.service.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.audit.AuditEntry;
import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.audit.AuditTrail;
import io.privacygate.consent.repository.OutboxBatchRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Audit events that no state change carries (denied decisions), made durable in the outbox before the
 * answer is sent, by group commit: while one insert runs, the events of other requests queue up and go
 * together in the next one. Under load many decisions share one round trip; alone, one waits for none.
 */
@ApplicationScoped
public class AuditGroupCommit {
    private static final int MAX_GROUP = 2000;

    private final OutboxBatchRepository outbox;
    private final ObjectMapper json;
    private final String service;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    AuditGroupCommit(OutboxBatchRepository outbox, ObjectMapper json,
                     @ConfigProperty(name = "quarkus.application.name") String service) {
        this.outbox = outbox;
        this.json = json;
        this.service = service;
    }

    /** Completes once the entries are in the outbox, in the shape {@link AuditTrail} sends. */
    public Uni<Void> record(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<OutboxBatchRepository.Message> messages = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            messages.add(message(entry));
        }
        Pending pending = new Pending(messages, new CompletableFuture<>());
        queue.add(pending);
        writeQueued();
        return Uni.createFrom().completionStage(pending.done());
    }

    private void writeQueued() {
        if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> group = new ArrayList<>();
        List<OutboxBatchRepository.Message> messages = new ArrayList<>();
        Pending next;
        while (messages.size() < MAX_GROUP && (next = queue.poll()) != null) {
            group.add(next);
            messages.addAll(next.messages());
        }
        outbox.enqueueAll(AuditTrail.DESTINATION, messages).subscribe().with(
                written -> finish(group, null),
                failure -> finish(group, failure));
    }

    private void finish(List<Pending> group, Throwable failure) {
        writing.set(false);
        writeQueued();
        for (Pending pending : group) {
            if (failure == null) {
                pending.done().complete(null);
            } else {
                pending.done().completeExceptionally(failure);
            }
        }
    }

    private OutboxBatchRepository.Message message(AuditEntry entry) {
        String eventId = UUID.randomUUID().toString();
        AuditEvent event = new AuditEvent(eventId, Instant.now(), service, entry.actor(), entry.action(),
                entry.subjectRef() == null ? null : entry.subjectRef().toString(), entry.purpose(),
                entry.legalBasis() == null ? null : entry.legalBasis().name(), entry.outcome().name(), entry.details());
        try {
            return new OutboxBatchRepository.Message(eventId, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit event cannot be serialised", e);
        }
    }

    private record Pending(List<OutboxBatchRepository.Message> messages, CompletableFuture<Void> done) {
    }
}
