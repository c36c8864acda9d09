package io.privacygate.dsr.service.fanout;

import io.privacygate.dsr.client.ParticipantClient;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.DsrTask;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.SubjectResolution;
import io.privacygate.dsr.model.TaskStep;
import io.privacygate.dsr.repository.DsrTaskRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Creates a request's tasks once it is both verified and resolved to a subject, whichever happens last.
 * Runs under the request's row lock, and the tasks' unique key makes a second plan impossible.
 */
@ApplicationScoped
public class Planner {
    private final DsrTaskRepository tasks;
    private final ParticipantClient participants;
    private final DsrConfig config;

    Planner(DsrTaskRepository tasks, ParticipantClient participants, DsrConfig config) {
        this.tasks = tasks;
        this.participants = participants;
        this.config = config;
    }

    /** The RESOLVE step of a new request: the only one that runs before verification. */
    public Uni<Void> resolveStep(DsrRequest request) {
        return tasks.persist(DsrTask.of(request.id, TaskStep.RESOLVE, FanOutPlan.CONSENT, Instant.now())).replaceWithVoid();
    }

    /** Returns whether tasks were created. */
    public Uni<Boolean> planIfReady(DsrRequest request) {
        if (request.status != RequestStatus.VERIFIED || request.subjectResolution != SubjectResolution.FOUND) {
            return Uni.createFrom().item(false);
        }
        Instant now = Instant.now();
        return tasks.count("requestId = ?1 and step <> ?2", request.id, TaskStep.RESOLVE).chain(existing -> {
            if (existing > 0) {
                return Uni.createFrom().item(false);
            }
            var planned = FanOutPlan.plan(request.type, participants.names(), config.historyParticipant()).stream()
                    .map(step -> DsrTask.of(request.id, step.step(), step.participant(), now)).toList();
            return tasks.persist(planned).chain(tasks::flush).replaceWith(true);
        });
    }
}
