package io.privacygate.dsr.service.restriction;

import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.dsr.api.LiftAnnouncement;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.DsrTask;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.TaskStatus;
import io.privacygate.dsr.model.TaskStep;
import io.privacygate.dsr.repository.DsrTaskRepository;
import io.privacygate.dsr.service.DsrAudit;
import io.privacygate.dsr.service.RequestLocks;
import io.privacygate.dsr.service.RequestViews;
import io.privacygate.dsr.service.subjectmail.SubjectLetters;
import io.privacygate.dsr.service.subjectmail.SubjectMails;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Ends a restriction of processing (Art. 18) that a request carried out. Art. 18(3): "A data subject who has obtained
 * restriction of processing ... shall be informed by the controller before the restriction of processing is lifted."
 * Hence two steps, each an operator's decision: the announcement mails the requester the reason and records when;
 * the lift, refused until then, sends every participant that restricted an UNRESTRICT step.
 */
@ApplicationScoped
public class RestrictionLiftService {
    private static final Set<RequestStatus> COMPLETED = Set.of(RequestStatus.COMPLETED);
    private static final String ONLY_COMPLETED = "only a restriction carried out can be lifted";

    private final RequestLocks locks;
    private final DsrTaskRepository tasks;
    private final SubjectKeys keys;
    private final SubjectMails mails;
    private final DsrAudit audit;
    private final RequestViews views;
    private final DsrConfig config;

    RestrictionLiftService(RequestLocks locks, DsrTaskRepository tasks, SubjectKeys keys, SubjectMails mails,
                           DsrAudit audit, RequestViews views, DsrConfig config) {
        this.locks = locks;
        this.tasks = tasks;
        this.keys = keys;
        this.mails = mails;
        this.audit = audit;
        this.views = views;
        this.config = config;
    }

    /** Step one: the requester is told, by e-mail, that the restriction will be lifted and why. */
    @WithTransaction
    public Uni<RequestView> announce(UUID id, LiftAnnouncement body, String actor) {
        return locks.lockIn(id, COMPLETED, ONLY_COMPLETED).chain(request -> restricting(request).chain(restricted -> {
            if (request.liftAnnouncedAt != null) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "The lift of this restriction was already announced to the requester."));
            }
            String reason = body.reason().strip();
            return mails.reachable(request).chain(reachable -> {
                if (!reachable) {
                    return Uni.createFrom().failure(ProblemException.unprocessable("The request gives no e-mail "
                            + "address to inform the requester at before the lift (Art. 18(3))."));
                }
                return keys.forWriting(request.id).chain(cipher -> {
                    Instant now = Instant.now();
                    request.liftReasonEncrypted = cipher.encrypt(DsrRequest.LIFT_REASON, reason);
                    request.liftAnnouncedAt = now;
                    request.liftAnnouncedBy = actor;
                    request.updatedAt = now;
                    return mails.send(request, SubjectLetters.restrictionLift(request, reason, config.deadline().zone(),
                                    config.subjectMail().supervisoryAuthority()), actor)
                            .chain(() -> audit.liftAnnounced(request, actor))
                            .chain(() -> views.view(request, true));
                });
            });
        }));
    }

    /** Step two, once the requester was told: every participant that restricted processing lifts it. */
    @WithTransaction
    public Uni<RequestView> lift(UUID id, String actor) {
        return locks.lockIn(id, COMPLETED, ONLY_COMPLETED).chain(request -> restricting(request).chain(restricted -> {
            if (request.liftAnnouncedAt == null) {
                return Uni.createFrom().failure(ProblemException.conflict("The requester has not been told that the "
                        + "restriction will be lifted; announce the lift first (Art. 18(3))."));
            }
            if (request.liftedAt != null) {
                return Uni.createFrom().failure(ProblemException.conflict("This restriction was already lifted."));
            }
            Instant now = Instant.now();
            request.liftedAt = now;
            request.liftedBy = actor;
            request.updatedAt = now;
            List<DsrTask> unrestrict = restricted.stream()
                    .map(participant -> DsrTask.of(request.id, TaskStep.UNRESTRICT, participant, now)).toList();
            return tasks.persist(unrestrict).chain(tasks::flush)
                    .chain(() -> audit.liftOrdered(request, restricted, actor))
                    .chain(() -> views.view(request, true));
        }));
    }

    /**
     * Called as each UNRESTRICT step is recorded, under the request's row lock: once every one is done, the
     * restriction is over everywhere and that is recorded.
     */
    public Uni<Void> completeIfLifted(DsrRequest request) {
        if (request.liftCompletedAt != null) {
            return Uni.createFrom().voidItem();
        }
        return tasks.flush().chain(() -> tasks.findByRequest(request.id)).chain(all -> {
            List<DsrTask> lifts = all.stream().filter(t -> t.step == TaskStep.UNRESTRICT).toList();
            if (lifts.isEmpty() || lifts.stream().anyMatch(t -> t.status != TaskStatus.DONE)) {
                return Uni.createFrom().voidItem();
            }
            request.liftCompletedAt = Instant.now();
            request.updatedAt = request.liftCompletedAt;
            return audit.restrictionLifted(request);
        });
    }

    /** The participants whose RESTRICT step ran; none means the request restricted nothing (409). */
    private Uni<List<String>> restricting(DsrRequest request) {
        return tasks.findByRequest(request.id).map(all -> {
            List<String> participants = all.stream()
                    .filter(t -> t.step == TaskStep.RESTRICT && t.status == TaskStatus.DONE)
                    .map(t -> t.participant).sorted().toList();
            if (participants.isEmpty()) {
                throw ProblemException.conflict("The request restricted no processing; there is nothing to lift.");
            }
            return participants;
        });
    }
}
