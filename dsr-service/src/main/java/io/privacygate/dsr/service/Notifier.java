package io.privacygate.dsr.service;

import io.privacygate.commons.outbox.Outbox;
import io.privacygate.commons.outbox.OutboxConfig;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.OperatorMail;
import io.privacygate.dsr.repository.OperatorMailRepository;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Tells operators that a request changed status, became overdue or needs them: by webhook through the
 * outbox when its destination is configured, and by e-mail when an address is. Both are written in the
 * transaction of the change, so a notification exists exactly when the change does. They carry no
 * personal data: the request id, type, status and deadline.
 */
@ApplicationScoped
public class Notifier {
    private final Outbox outbox;
    private final OutboxConfig outboxConfig;
    private final DsrConfig config;
    private final OperatorMailRepository mails;

    Notifier(Outbox outbox, OutboxConfig outboxConfig, DsrConfig config, OperatorMailRepository mails) {
        this.outbox = outbox;
        this.outboxConfig = outboxConfig;
        this.config = config;
        this.mails = mails;
    }

    @RegisterForReflection // part of the webhook's body, which the outbox writes by hand
    public enum Kind { STATUS_CHANGED, EXTENDED, OVERDUE, NEEDS_INPUT }

    /** The webhook's body. */
    @RegisterForReflection // the outbox writes it as JSON by hand for the webhook receiver
    public record Notification(String eventId, Kind kind, UUID requestId, String type, String status, String outcome,
                               Instant dueAt, boolean extended, String reason, Instant occurredAt) {
    }

    public Uni<Void> statusChanged(DsrRequest request) {
        return send(Kind.STATUS_CHANGED, request, null);
    }

    public Uni<Void> extended(DsrRequest request) {
        return send(Kind.EXTENDED, request, null);
    }

    public Uni<Void> overdue(DsrRequest request) {
        return send(Kind.OVERDUE, request, null);
    }

    /** {@code reason} is written by dsr-service for operators (e.g. which participant failed), never free text. */
    public Uni<Void> needsInput(DsrRequest request, String reason) {
        return send(Kind.NEEDS_INPUT, request, reason);
    }

    private Uni<Void> send(Kind kind, DsrRequest request, String reason) {
        Notification notification = new Notification(UUID.randomUUID().toString(), kind, request.id, request.type.name(),
                request.status.name(), request.outcome == null ? null : request.outcome.name(), request.dueAt,
                request.extended, reason, Instant.now());
        Uni<Void> webhook = outboxConfig.destinations().containsKey(config.notifications().webhookDestination())
                ? outbox.enqueue(config.notifications().webhookDestination(), notification.eventId(), notification)
                : Uni.createFrom().voidItem();
        return webhook.chain(() -> config.notifications().email().isPresent()
                ? mails.persist(mail(notification)).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    private static OperatorMail mail(Notification n) {
        OperatorMail mail = new OperatorMail();
        mail.id = UUID.randomUUID();
        mail.subject = "[DSR] " + n.type() + " request " + n.requestId() + ": " + describe(n.kind());
        mail.body = "Request: " + n.requestId() + "\nType: " + n.type() + "\nStatus: " + n.status()
                + (n.outcome() == null ? "" : "\nOutcome: " + n.outcome())
                + "\nDue: " + n.dueAt() + (n.extended() ? " (extended)" : "")
                + (n.reason() == null ? "" : "\nNeeds: " + n.reason()) + "\n";
        mail.nextAttemptAt = n.occurredAt();
        mail.createdAt = n.occurredAt();
        return mail;
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case STATUS_CHANGED -> "status changed";
            case EXTENDED -> "deadline extended";
            case OVERDUE -> "OVERDUE";
            case NEEDS_INPUT -> "needs input";
        };
    }
}
