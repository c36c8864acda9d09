package io.privacygate.dsr.service.deadlines;

import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.dsr.api.ExtensionRequest;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.service.DsrAudit;
import io.privacygate.dsr.service.Notifier;
import io.privacygate.dsr.service.RequestLocks;
import io.privacygate.dsr.service.RequestViews;
import io.privacygate.dsr.service.subjectmail.SubjectLetters;
import io.privacygate.dsr.service.subjectmail.SubjectMails;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Art. 12(3): the deadline "may be extended by two further months where necessary, taking into account the
 * complexity and number of the requests", with the reasons given to the subject within the first month.
 * Hence: once, before the first deadline passes, by one or two months, with a reason, which is mailed to the
 * requester in the same transaction (no mail, no extension) and shown wherever the request's state is.
 */
@ApplicationScoped
public class ExtensionService {
    private final RequestLocks locks;
    private final SubjectKeys keys;
    private final DsrAudit audit;
    private final Notifier notifier;
    private final RequestViews views;
    private final SubjectMails mails;
    private final DsrConfig config;

    ExtensionService(RequestLocks locks, SubjectKeys keys, DsrAudit audit, Notifier notifier, RequestViews views,
                     SubjectMails mails, DsrConfig config) {
        this.locks = locks;
        this.keys = keys;
        this.audit = audit;
        this.notifier = notifier;
        this.views = views;
        this.mails = mails;
        this.config = config;
    }

    @WithTransaction
    public Uni<RequestView> extend(UUID id, ExtensionRequest body, String actor) {
        int months = body.months() == null ? Deadlines.MAX_EXTENSION_MONTHS : body.months();
        return locks.lockIn(id, RequestStatus.OPEN, "only an open request can be extended").chain(request -> {
            Instant now = Instant.now();
            if (request.extended) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "The deadline was already extended once; Art. 12(3) allows one extension."));
            }
            if (now.isAfter(request.originalDueAt)) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "The first deadline has passed; an extension must be decided before it (Art. 12(3))."));
            }
            String reason = body.reason().strip();
            return keys.forWriting(request.id).chain(cipher -> {
                request.extended = true;
                request.extensionReasonEncrypted = cipher.encrypt(DsrRequest.EXTENSION_REASON, reason);
                request.extendedAt = now;
                request.extendedBy = actor;
                request.dueAt = Deadlines.extendedDueAt(request.receivedAt, months, config.deadline().zone());
                request.updatedAt = now;
                // Before the first deadline, so the requester hears of it "within one month of receipt".
                return mails.send(request, SubjectLetters.extension(request, reason, config.deadline().zone()), actor)
                        .chain(() -> audit.extended(request, actor))
                        .chain(() -> notifier.extended(request))
                        .chain(() -> views.view(request, true));
            });
        });
    }
}
