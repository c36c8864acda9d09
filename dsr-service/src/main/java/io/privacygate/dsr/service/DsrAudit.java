package io.privacygate.dsr.service;

import io.privacygate.commons.audit.AuditEntry;
import io.privacygate.commons.audit.AuditOutcome;
import io.privacygate.commons.audit.AuditTrail;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.DsrTask;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.service.subjectmail.SubjectLetter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Every kind of audit event dsr-service emits, one method each. Subjects appear by pseudonymous id,
 * requests by id, identifiers by type only; no free text is ever audited. Each method runs inside the
 * transaction of the change it describes.
 */
@ApplicationScoped
public class DsrAudit {
    /** The actor of steps dsr-service takes on its own (the worker and the scheduled jobs). */
    public static final String SYSTEM_ACTOR = "client:dsr-service";

    private final AuditTrail trail;

    DsrAudit(AuditTrail trail) {
        this.trail = trail;
    }

    public Uni<Void> received(DsrRequest request, Collection<IdentifierType> types, String actor) {
        return trail.record(entry("dsr.request.received", request, actor)
                .detail("channel", request.channel == null ? "unspecified" : request.channel)
                .detail("identifierTypes", types.stream().map(IdentifierType::wireName).sorted().distinct()
                        .collect(Collectors.joining(",")))
                .detail("dueAt", request.dueAt));
    }

    public Uni<Void> subjectResolved(DsrRequest request, boolean found) {
        return trail.record(entry("dsr.request.subject-resolved", request, SYSTEM_ACTOR).detail("found", found));
    }

    /** A status transition; {@code from} is the status before it. */
    public Uni<Void> transition(DsrRequest request, RequestStatus from, String actor) {
        AuditEntry entry = entry("dsr.request." + request.status.name().toLowerCase().replace('_', '-'), request, actor)
                .detail("from", from).detail("to", request.status);
        if (request.outcome != null) {
            entry = entry.detail("outcome", request.outcome);
        }
        if (request.verificationMethod != null && request.status == RequestStatus.VERIFIED) {
            entry = entry.detail("method", request.verificationMethod);
        }
        return trail.record(entry);
    }

    public Uni<Void> extended(DsrRequest request, String actor) {
        return trail.record(entry("dsr.request.extended", request, actor)
                .detail("originalDueAt", request.originalDueAt).detail("dueAt", request.dueAt));
    }

    public Uni<Void> overdue(DsrRequest request) {
        return trail.record(AuditEntry.of("dsr.request.overdue", AuditOutcome.FAILURE, SYSTEM_ACTOR)
                .subject(request.subjectId).detail("requestId", request.id).detail("type", request.type)
                .detail("dueAt", request.dueAt));
    }

    /** Issue 21: an open request's platform deadline (X: 24 hours) is near; audit-service alerts on it. */
    public Uni<Void> platformDeadlineNear(DsrRequest request) {
        return trail.record(platformDeadline("dsr.platform-deadline.near", AuditOutcome.SUCCESS, request));
    }

    /** Issue 21: an open request's platform deadline has passed. */
    public Uni<Void> platformDeadlineMissed(DsrRequest request) {
        return trail.record(platformDeadline("dsr.platform-deadline.missed", AuditOutcome.FAILURE, request));
    }

    private static AuditEntry platformDeadline(String action, AuditOutcome outcome, DsrRequest request) {
        return AuditEntry.of(action, outcome, SYSTEM_ACTOR).subject(request.subjectId)
                .detail("requestId", request.id).detail("platformDueAt", request.platformDueAt)
                .detail("channel", request.channel);
    }

    public Uni<Void> codeSent(DsrRequest request, String actor) {
        return trail.record(entry("dsr.verification.code-sent", request, actor));
    }

    public Uni<Void> codeRefused(DsrRequest request, String reason, String actor) {
        return trail.record(AuditEntry.of("dsr.verification.code-refused", AuditOutcome.DENIED, actor)
                .subject(request.subjectId).detail("requestId", request.id).detail("reason", reason));
    }

    /** A participant did its part (Art. 5(2): each system's answer is evidence of the request's handling). */
    public Uni<Void> taskDone(DsrRequest request, DsrTask task) {
        return trail.record(entry("dsr.task.done", request, SYSTEM_ACTOR)
                .detail("participant", task.participant).detail("step", task.step).detail("attempts", task.attempts));
    }

    public Uni<Void> taskFailed(DsrRequest request, DsrTask task, boolean permanent) {
        return trail.record(AuditEntry.of("dsr.task.failed", AuditOutcome.FAILURE, SYSTEM_ACTOR)
                .subject(request.subjectId).detail("requestId", request.id)
                .detail("participant", task.participant).detail("step", task.step)
                .detail("attempts", task.attempts).detail("error", task.lastError).detail("permanent", permanent));
    }

    public Uni<Void> tasksRetried(DsrRequest request, int count, String actor) {
        return trail.record(entry("dsr.task.retried", request, actor).detail("count", count));
    }

    /** Art. 19: a recipient is recorded as told about the rectification, erasure or restriction. */
    public Uni<Void> recipientNotified(DsrRequest request, String recipient, Collection<String> purposes) {
        return trail.record(entry("dsr.recipient.notified", request, SYSTEM_ACTOR)
                .detail("recipient", recipient).detail("purposes", String.join(",", purposes)));
    }

    /** A letter went to the requester; its kind only, never its text or address. */
    public Uni<Void> subjectMailed(DsrRequest request, SubjectLetter.Kind kind, String actor) {
        return trail.record(entry("dsr.subject.mailed", request, actor).detail("letter", kind));
    }

    /** Art. 18(3): the requester was told that the restriction will be lifted. */
    public Uni<Void> liftAnnounced(DsrRequest request, String actor) {
        return trail.record(entry("dsr.restriction.lift-announced", request, actor));
    }

    /** Art. 18: the lift was ordered; each participant's UNRESTRICT step is audited as it is done. */
    public Uni<Void> liftOrdered(DsrRequest request, Collection<String> participants, String actor) {
        return trail.record(entry("dsr.restriction.lift-ordered", request, actor)
                .detail("participants", String.join(",", participants)));
    }

    /** Every participant that restricted processing has lifted the restriction. */
    public Uni<Void> restrictionLifted(DsrRequest request) {
        return trail.record(entry("dsr.restriction.lifted", request, SYSTEM_ACTOR));
    }

    /**
     * Art. 5(1)(e): a closed request was deleted at the end of its retention; from here on this trail is its only
     * record. No identifier or free text, as ever: the request's id, type, outcome and when it closed.
     */
    public Uni<Void> requestDeleted(DsrRequest request) {
        AuditEntry entry = entry("dsr.request.deleted", request, SYSTEM_ACTOR).detail("closedAt", request.closedAt);
        return trail.record(request.outcome == null ? entry : entry.detail("outcome", request.outcome));
    }

    public Uni<Void> exportCreated(DsrRequest request, long sizeBytes) {
        return trail.record(entry("dsr.export.created", request, SYSTEM_ACTOR).detail("sizeBytes", sizeBytes));
    }

    public Uni<Void> exportDownloaded(DsrRequest request, String actor) {
        return trail.record(entry("dsr.export.downloaded", request, actor));
    }

    public Uni<Void> exportExpired(DsrRequest request) {
        return trail.record(entry("dsr.export.expired", request, SYSTEM_ACTOR));
    }

    /** An operator saw the requester's identifiers and free text (Art. 5(2): access to personal data is accounted for). */
    public Uni<Void> disclosed(DsrRequest request, int identifiers, String actor) {
        return trail.record(entry("dsr.request.disclosed", request, actor).detail("identifiers", identifiers));
    }

    private static AuditEntry entry(String action, DsrRequest request, String actor) {
        return AuditEntry.of(action, AuditOutcome.SUCCESS, actor).subject(request.subjectId)
                .detail("requestId", request.id).detail("type", request.type);
    }
}
