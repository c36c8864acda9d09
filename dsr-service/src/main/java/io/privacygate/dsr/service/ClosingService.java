package io.privacygate.dsr.service;

import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.dsr.api.RejectionRequest;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.Outcome;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.repository.DsrRequestRepository;
import io.privacygate.dsr.repository.DsrTaskRepository;
import io.privacygate.dsr.repository.VerificationCodeRepository;
import io.privacygate.dsr.service.subjectmail.SubjectLetters;
import io.privacygate.dsr.service.subjectmail.SubjectMails;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Requests that end without being carried out: refused by an operator before any system was changed
 * (Art. 12(4)–(6)), or closed because the requester never proved who they are.
 */
@ApplicationScoped
public class ClosingService {
    private static final Set<RequestStatus> NOT_STARTED = Set.of(RequestStatus.RECEIVED, RequestStatus.VERIFIED);
    private static final int BATCH = 100;

    private final RequestLocks locks;
    private final DsrRequestRepository requests;
    private final DsrTaskRepository tasks;
    private final VerificationCodeRepository codes;
    private final SubjectKeys keys;
    private final Transitions transitions;
    private final RequestViews views;
    private final SubjectMails mails;
    private final DsrConfig config;

    ClosingService(RequestLocks locks, DsrRequestRepository requests, DsrTaskRepository tasks,
                   VerificationCodeRepository codes, SubjectKeys keys, Transitions transitions, RequestViews views,
                   SubjectMails mails, DsrConfig config) {
        this.locks = locks;
        this.requests = requests;
        this.tasks = tasks;
        this.codes = codes;
        this.keys = keys;
        this.transitions = transitions;
        this.views = views;
        this.mails = mails;
        this.config = config;
    }

    /**
     * Once a system has been changed the request is carried through, so refusal is for requests not yet started.
     * Art. 12(4): the requester is told, without delay, the reasons and the right to complain and to a judicial
     * remedy: mailed in the same transaction (no mail, no refusal), and shown where the request's state is.
     */
    @WithTransaction
    public Uni<RequestView> reject(UUID id, RejectionRequest body, String actor) {
        String reason = body.reason().strip();
        return locks.lockIn(id, NOT_STARTED, "only a request not yet in progress can be refused")
                .chain(request -> keys.forWriting(request.id).chain(cipher -> {
                    request.closingReasonEncrypted = cipher.encrypt(DsrRequest.CLOSING_REASON, reason);
                    return end(request, Outcome.REFUSED, actor);
                }).chain(() -> mails.send(request, SubjectLetters.refusal(request, reason, config.deadline().zone(),
                        config.subjectMail().supervisoryAuthority()), actor))
                        .chain(() -> views.view(request, true)));
    }

    /** Closes the requests filed before the configured time and still unverified; returns how many. */
    @WithTransaction
    public Uni<Integer> closeUnverified(Instant now) {
        Instant cutOff = now.minus(config.verification().closeUnverifiedAfter());
        return requests.unverifiedFiledBefore(cutOff, BATCH).chain(found -> Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(request -> end(request, Outcome.CLOSED_UNVERIFIED, DsrAudit.SYSTEM_ACTOR))
                .collect().asList().map(done -> found.size()));
    }

    private Uni<Void> end(DsrRequest request, Outcome outcome, String actor) {
        return tasks.cancelOpen(request.id)
                .chain(() -> codes.deleteById(request.id))
                .chain(() -> transitions.close(request, RequestStatus.REJECTED, outcome, actor));
    }
}
