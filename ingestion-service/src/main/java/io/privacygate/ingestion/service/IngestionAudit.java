package io.privacygate.ingestion.service;

import io.privacygate.commons.audit.AuditEntry;
import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.audit.AuditOutcome;
import io.privacygate.commons.audit.AuditTrail;
import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.ingestion.repository.AuditOutboxRepository;
import io.privacygate.ingestion.service.crm.Suppression;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Every kind of audit event ingestion-service emits, one method each. Subjects appear only as
 * consent-service's pseudonymous id; details hold codes, counts and names of fields, never values.
 * Each call must run inside the transaction of what it reports.
 */
@ApplicationScoped
public class IngestionAudit {
    /** The actor of what the service does by itself (the inbox worker, scheduled purges). */
    public static final String SYSTEM = "system:ingestion-service";

    private final AuditTrail trail;
    private final AuditOutboxRepository outbox;
    private final String service;

    IngestionAudit(AuditTrail trail, AuditOutboxRepository outbox,
                   @ConfigProperty(name = "quarkus.application.name") String service) {
        this.trail = trail;
        this.outbox = outbox;
        this.service = service;
    }

    /** The three kinds of event the inbox worker emits per social event, recorded together by {@link #recordAll}. */
    public AuditEntry interactionStored(UUID subjectId, String purpose, LegalBasis basis, String channel, String kind,
                                        Collection<String> categories, boolean restricted, String source) {
        return AuditEntry.of("interaction.stored", AuditOutcome.SUCCESS, SYSTEM)
                .subject(subjectId).purpose(purpose, basis)
                .detail("channel", channel).detail("kind", kind)
                .detail("categories", String.join(",", categories))
                .detail("restricted", restricted).detail("source", source);
    }

    /** Not permitted: the content is dropped, and only the subject and the reason are kept. */
    public AuditEntry interactionDenied(UUID subjectId, String purpose, LegalBasis basis, String reason) {
        return AuditEntry.of("interaction.denied", AuditOutcome.DENIED, SYSTEM)
                .subject(subjectId).purpose(purpose, basis).detail("reason", reason);
    }

    /** An event that could not be tied to a subject or used at all; nothing of it is kept. */
    public AuditEntry interactionSkipped(UUID subjectId, String purpose, String reason) {
        return AuditEntry.of("interaction.skipped", AuditOutcome.FAILURE, SYSTEM)
                .subject(subjectId).purpose(purpose, null).detail("reason", reason);
    }

    /**
     * Records many entries in one statement, as {@link AuditTrail#record} would one by one (same event
     * shape, a fresh event id each). Must run inside the transaction of what they report.
     */
    public Uni<Void> recordAll(List<AuditEntry> entries) {
        Instant now = Instant.now();
        return outbox.enqueueAll(entries.stream().map(entry -> new AuditEvent(UUID.randomUUID().toString(), now, service,
                entry.actor(), entry.action(), entry.subjectRef() == null ? null : entry.subjectRef().toString(),
                entry.purpose(), entry.legalBasis() == null ? null : entry.legalBasis().name(), entry.outcome().name(),
                entry.details())).toList());
    }

    public Uni<Void> consentRevoked(UUID subjectId, String purpose, String state, long interactionsDeleted,
                                    long contactFieldsDeleted, String actor) {
        return trail.record(AuditEntry.of("consent.revocation-applied", AuditOutcome.SUCCESS, actor)
                .subject(subjectId).purpose(purpose, LegalBasis.CONSENT).detail("state", state)
                .detail("interactionsDeleted", interactionsDeleted).detail("contactFieldsDeleted", contactFieldsDeleted));
    }

    public Uni<Void> retentionPurged(String purpose, long interactions, long contactFields) {
        return trail.record(AuditEntry.of("retention.purged", AuditOutcome.SUCCESS, SYSTEM)
                .purpose(purpose, null).detail("interactionsDeleted", interactions).detail("contactFieldsDeleted", contactFields));
    }

    /** Raw deliveries that waited longer than the inbox allows were deleted unprocessed. */
    public Uni<Void> inboxExpired(long deliveries) {
        return trail.record(AuditEntry.of("inbox.expired", AuditOutcome.FAILURE, SYSTEM)
                .detail("deliveriesDeleted", deliveries));
    }

    public Uni<Void> crmRead(String actor, UUID subjectId, String purpose, LegalBasis basis, String what, long items) {
        return trail.record(AuditEntry.of("crm.read", AuditOutcome.SUCCESS, actor)
                .subject(subjectId).purpose(purpose, basis).detail("resource", what).detail("items", items));
    }

    public Uni<Void> crmReadDenied(String actor, UUID subjectId, String purpose, LegalBasis basis, String reason) {
        return trail.record(AuditEntry.of("crm.read", AuditOutcome.DENIED, actor)
                .subject(subjectId).purpose(purpose, basis).detail("reason", reason));
    }

    public Uni<Void> importAccepted(String actor, UUID importId, String platform, int lines, int accepted, boolean gpc) {
        return trail.record(AuditEntry.of("import.accepted", AuditOutcome.SUCCESS, actor)
                .detail("importId", importId).detail("platform", platform).detail("lines", lines)
                .detail("accepted", accepted).detail("gpc", gpc));
    }

    public Uni<Void> dsrExported(String actor, UUID subjectId, long interactions, long contactFields) {
        return trail.record(AuditEntry.of("dsr.exported", AuditOutcome.SUCCESS, actor)
                .subject(subjectId).detail("interactions", interactions).detail("contactFields", contactFields));
    }

    public Uni<Void> dsrErased(String actor, UUID subjectId, boolean keyShredded, long interactions, long contactFields,
                               long platformIdsSuppressed) {
        return trail.record(AuditEntry.of("dsr.erased", AuditOutcome.SUCCESS, actor)
                .subject(subjectId).detail("keyShredded", keyShredded)
                .detail("interactionsDeleted", interactions).detail("contactFieldsDeleted", contactFields)
                .detail("platformIdsSuppressed", platformIdsSuppressed));
    }

    public Uni<Void> dsrRestriction(String actor, UUID subjectId, boolean restricted) {
        return trail.record(AuditEntry.of("dsr.restriction-changed", AuditOutcome.SUCCESS, actor)
                .subject(subjectId).detail("restricted", restricted));
    }

    public Uni<Void> dsrRectified(String actor, UUID subjectId, Collection<String> fields) {
        return trail.record(AuditEntry.of("dsr.rectified", AuditOutcome.SUCCESS, actor)
                .subject(subjectId).detail("fields", String.join(",", fields)));
    }

    /**
     * A delivery whose every event is about an erased platform id and not after its erasure: acknowledged and
     * dropped at intake (Art. 17, issue 18). Counts and the reason only, never who.
     */
    public Uni<Void> deliverySuppressed(String platform, int events) {
        return trail.record(AuditEntry.of("webhook.suppressed", AuditOutcome.DENIED, "platform:" + platform)
                .detail("platform", platform).detail("events", events).detail("reason", Suppression.REASON));
    }

    /**
     * A platform told that a user took the app's authorisation back (X's {@code user_event} revoke): intake for that
     * account stops. {@code first} is false for a revoke heard before. Never the account id.
     */
    public Uni<Void> accountRevoked(String platform, boolean first) {
        return trail.record(AuditEntry.of("platform.access-revoked", AuditOutcome.SUCCESS, "platform:" + platform)
                .detail("platform", platform).detail("first", first));
    }

    /** A delivery for an account whose authorisation was revoked: acknowledged, nothing stored. Counts only. */
    public Uni<Void> deliveryForRevokedAccount(String platform, int events) {
        return trail.record(AuditEntry.of("webhook.account-revoked", AuditOutcome.DENIED, "platform:" + platform)
                .detail("platform", platform).detail("events", events).detail("reason", "access-revoked"));
    }

    /**
     * An item was removed at its source and the copy kept here is deleted (issue 21). {@code keyShredded}: it was the
     * subject's last data here, so its data key was shredded too. No content, no platform id.
     */
    public AuditEntry interactionDeletedAtSource(UUID subjectId, String purpose, String channel, String kind,
                                                 boolean keyShredded) {
        return AuditEntry.of("interaction.deleted-at-source", AuditOutcome.SUCCESS, SYSTEM)
                .subject(subjectId).purpose(purpose, null)
                .detail("channel", channel).detail("kind", kind).detail("keyShredded", keyShredded);
    }

    /** An item was edited at its source and the copy kept here now holds the new text, minimised as at intake. */
    public AuditEntry interactionEditedAtSource(UUID subjectId, String purpose, String channel, String kind,
                                                Collection<String> categories) {
        return AuditEntry.of("interaction.edited-at-source", AuditOutcome.SUCCESS, SYSTEM)
                .subject(subjectId).purpose(purpose, null)
                .detail("channel", channel).detail("kind", kind).detail("categories", String.join(",", categories));
    }

    /** An edit or removal at the source of an item no copy of which is kept here (never stored, or gone already). */
    public AuditEntry sourceChangeUnmatched(String channel, String action) {
        return AuditEntry.of("interaction.source-change-unmatched", AuditOutcome.SUCCESS, SYSTEM)
                .detail("channel", channel).detail("action", action);
    }

    /** Webhook deliveries refused for their signature from one source within one window; never the address. */
    public Uni<Void> signatureRejected(String platform, String source, long count, Instant from, Instant to) {
        return trail.record(AuditEntry.of("webhook.signature-rejected", AuditOutcome.DENIED, "platform:" + platform)
                .detail("platform", platform).detail("source", source).detail("count", count)
                .detail("from", from.toString()).detail("to", to.toString()));
    }

    /** Meta asked for a person's data to be deleted; the confirmation code is not personal data. */
    /**
     * One reconciliation run on one platform (issue 21 point 3): items asked about, found deleted at the source (their
     * removal is queued and audited per copy as {@code interaction.deleted-at-source}), and those the platform could not
     * answer about. Counts only.
     */
    public Uni<Void> reconciled(String platform, int checked, int missing, int unverified) {
        return trail.record(AuditEntry.of("reconciliation.completed", AuditOutcome.SUCCESS, SYSTEM)
                .detail("platform", platform).detail("checked", checked).detail("missing", missing)
                .detail("unverified", unverified));
    }

    /**
     * A platform said an account's data must go (X's user compliance: {@code reason} {@code deleted}, {@code deactivated}
     * or {@code suspended}); an erasure is on its way to dsr-service under {@code channel}. Never the account id.
     */
    public Uni<Void> platformErasureReceived(String channel, String reason, String confirmationCode) {
        return trail.record(AuditEntry.of("platform.erasure-received", AuditOutcome.SUCCESS, SYSTEM)
                .detail("channel", channel).detail("reason", reason).detail("confirmationCode", confirmationCode));
    }

    public Uni<Void> deletionCallbackReceived(String confirmationCode) {
        return trail.record(AuditEntry.of("deletion-callback.received", AuditOutcome.SUCCESS, "platform:meta")
                .detail("confirmationCode", confirmationCode));
    }

    public Uni<Void> deletionCallbackForwarded(String confirmationCode, UUID dsrRequestId) {
        return trail.record(AuditEntry.of("deletion-callback.forwarded", AuditOutcome.SUCCESS, SYSTEM)
                .detail("confirmationCode", confirmationCode).detail("dsrRequestId", dsrRequestId));
    }
}
