package io.privacygate.dsr.service.fanout;

import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.retry.Backoff;
import io.privacygate.dsr.client.CallFailure;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.DsrTask;
import io.privacygate.dsr.model.Outcome;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.SubjectResolution;
import io.privacygate.dsr.model.TaskStatus;
import io.privacygate.dsr.model.TaskStep;
import io.privacygate.dsr.repository.DsrRequestRepository;
import io.privacygate.dsr.repository.DsrTaskRepository;
import io.privacygate.dsr.service.DsrAudit;
import io.privacygate.dsr.service.Notifier;
import io.privacygate.dsr.service.RequestCompletion;
import io.privacygate.dsr.service.restriction.RestrictionLiftService;
import io.privacygate.dsr.service.Transitions;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Records the end of a call, under the request's row lock so that the last task to finish is the one that
 * sees every other task done and completes the request. A task no longer RUNNING (its request was closed
 * meanwhile) is left alone.
 */
@ApplicationScoped
public class TaskRecorder {
    private final DsrRequestRepository requests;
    private final DsrTaskRepository tasks;
    private final SubjectKeys keys;
    private final Planner planner;
    private final Transitions transitions;
    private final RequestCompletion completion;
    private final RestrictionLiftService lifts;
    private final DsrAudit audit;
    private final Notifier notifier;
    private final DsrConfig config;

    TaskRecorder(DsrRequestRepository requests, DsrTaskRepository tasks, SubjectKeys keys, Planner planner,
                 Transitions transitions, RequestCompletion completion, RestrictionLiftService lifts, DsrAudit audit,
                 Notifier notifier, DsrConfig config) {
        this.requests = requests;
        this.tasks = tasks;
        this.keys = keys;
        this.planner = planner;
        this.transitions = transitions;
        this.completion = completion;
        this.lifts = lifts;
        this.audit = audit;
        this.notifier = notifier;
        this.config = config;
    }

    /** Returns whether new tasks became due (a request resolved after verification was planned). */
    @WithTransaction
    public Uni<Boolean> succeeded(Work work, StepResult result) {
        return lockRunning(work).chain(locked -> {
            if (locked == null) {
                return Uni.createFrom().item(false);
            }
            DsrRequest request = locked.request();
            DsrTask task = locked.task();
            task.status = TaskStatus.DONE;
            task.completedAt = Instant.now();
            task.leaseUntil = null;
            task.lastError = null;
            return switch (result) {
                case StepResult.SubjectFound found -> resolved(request, task, found.subjectId());
                case StepResult.NoSubject none -> resolved(request, task, null);
                case StepResult.Recorded recorded -> record(request, task, recorded)
                        .chain(() -> audit.taskDone(request, task))
                        .chain(() -> task.step == TaskStep.UNRESTRICT
                                ? lifts.completeIfLifted(request) : completion.completeIfDone(request))
                        .replaceWith(false);
            };
        });
    }

    @WithTransaction
    public Uni<Void> failed(Work work, CallFailure failure) {
        return lockRunning(work).chain(locked -> {
            if (locked == null) {
                return Uni.createFrom().voidItem();
            }
            DsrRequest request = locked.request();
            DsrTask task = locked.task();
            task.lastError = failure.reason();
            task.leaseUntil = null;
            if (failure.permanent()) {
                task.status = TaskStatus.FAILED;
                return audit.taskFailed(request, task, true)
                        .chain(() -> notifier.needsInput(request, task.step + " at " + task.participant
                                + " failed for good (" + failure.reason() + "); fix it, then retry the request's tasks"));
            }
            task.status = TaskStatus.PENDING;
            task.nextAttemptAt = Instant.now().plus(Backoff.exponential(task.attempts, config.worker().initialBackoff(),
                    config.worker().maxBackoff()));
            Uni<Void> audited = audit.taskFailed(request, task, false);
            if (task.attempts >= config.worker().needsInputAfterAttempts() && !task.needsInputNotified) {
                task.needsInputNotified = true;
                return audited.chain(() -> notifier.needsInput(request, task.step + " at " + task.participant
                        + " has failed " + task.attempts + " times (" + failure.reason() + "); still retrying"));
            }
            return audited;
        });
    }


    private Uni<Void> record(DsrRequest request, DsrTask task, StepResult.Recorded recorded) {
        task.result = recorded.result();
        if (recorded.sensitive() == null) {
            return Uni.createFrom().voidItem();
        }
        return keys.forWriting(request.id).invoke(cipher -> task.resultEncrypted = cipher.encrypt(DsrTask.RESULT, recorded.sensitive()))
                .replaceWithVoid();
    }

    /**
     * RESOLVE: an unknown person's request is answered at once, "no data held", and the answer is kept
     * (Art. 15(1) asks for confirmation whether data is processed, and that is the confirmation). A known
     * subject's request is planned as soon as it is verified too.
     */
    private Uni<Boolean> resolved(DsrRequest request, DsrTask task, UUID subjectId) {
        request.subjectId = subjectId;
        request.subjectResolution = subjectId == null ? SubjectResolution.NONE : SubjectResolution.FOUND;
        request.updatedAt = Instant.now();
        task.result = "{\"found\":" + (subjectId != null) + "}";
        Uni<Void> audited = audit.subjectResolved(request, subjectId != null).chain(() -> audit.taskDone(request, task));
        if (subjectId == null) {
            return audited.chain(() -> transitions.close(request, RequestStatus.COMPLETED, Outcome.NO_DATA_HELD,
                    DsrAudit.SYSTEM_ACTOR)).replaceWith(false);
        }
        return audited.chain(() -> planner.planIfReady(request));
    }

    private Uni<Locked> lockRunning(Work work) {
        return requests.findForUpdate(work.requestId()).chain(request -> tasks.findById(work.taskId())
                .map(task -> task == null || task.status != TaskStatus.RUNNING ? null : new Locked(request, task)));
    }

    private record Locked(DsrRequest request, DsrTask task) {
    }
}
