package io.privacygate.dsr.service.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.DsrTask;
import io.privacygate.dsr.model.RequestIdentifier;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.TaskStep;
import io.privacygate.dsr.repository.DsrRequestRepository;
import io.privacygate.dsr.repository.DsrTaskRepository;
import io.privacygate.dsr.repository.RequestIdentifierRepository;
import io.privacygate.dsr.service.DsrAudit;
import io.privacygate.dsr.service.Transitions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Leases due tasks and reads what their calls need. A verified request whose first task starts moves to
 * IN_PROGRESS here, in the same transaction.
 */
@ApplicationScoped
public class TaskClaims {
    private final DsrTaskRepository tasks;
    private final DsrRequestRepository requests;
    private final RequestIdentifierRepository identifiers;
    private final SubjectKeys keys;
    private final Transitions transitions;
    private final DsrConfig config;
    private final ObjectMapper json;

    TaskClaims(DsrTaskRepository tasks, DsrRequestRepository requests, RequestIdentifierRepository identifiers,
               SubjectKeys keys, Transitions transitions, DsrConfig config, ObjectMapper json) {
        this.tasks = tasks;
        this.requests = requests;
        this.identifiers = identifiers;
        this.keys = keys;
        this.transitions = transitions;
        this.config = config;
        this.json = json;
    }

    public Uni<List<Work>> claim() {
        return tasks.claim(config.worker().claimSize(), config.worker().lease()).chain(ids -> ids.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Panache.withTransaction(() -> tasks.list("id in ?1 order by createdAt", ids)
                .chain(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUniAndConcatenate(this::work)
                        .collect().asList())));
    }

    private Uni<Work> work(DsrTask task) {
        return requests.findForUpdate(task.requestId).chain(request -> start(request)
                .chain(() -> switch (task.step) {
                    case RESOLVE -> identifiers(task, request);
                    case RECTIFY -> rectification(task, request);
                    default -> Uni.createFrom().item(new Work(task.id, task.requestId, task.step, task.participant,
                            request.subjectId, List.of(), null));
                }));
    }

    private Uni<Void> start(DsrRequest request) {
        return request.status == RequestStatus.VERIFIED && request.subjectId != null
                ? transitions.move(request, RequestStatus.IN_PROGRESS, DsrAudit.SYSTEM_ACTOR)
                : Uni.createFrom().voidItem();
    }

    private Uni<Work> identifiers(DsrTask task, DsrRequest request) {
        return identifiers.findByRequest(request.id).chain(ids -> keys.forReading(request.id).map(cipher ->
                new Work(task.id, request.id, TaskStep.RESOLVE, task.participant, null,
                        ids.stream().map(i -> new Identifier(i.type, cipher.decrypt(RequestIdentifier.value(i.type), i.valueEncrypted))).toList(), null)));
    }

    private Uni<Work> rectification(DsrTask task, DsrRequest request) {
        return keys.forReading(request.id).map(cipher -> {
            try {
                RectificationRequest values = json.readValue(cipher.decrypt(DsrRequest.RECTIFICATION, request.rectificationEncrypted),
                        RectificationRequest.class);
                return new Work(task.id, request.id, TaskStep.RECTIFY, task.participant, request.subjectId, List.of(), values);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A stored rectification is unreadable", e);
            }
        });
    }
}
