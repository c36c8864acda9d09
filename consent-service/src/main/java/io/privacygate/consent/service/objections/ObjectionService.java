package io.privacygate.consent.service.objections;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.consent.api.CompellingGroundsRequest;
import io.privacygate.consent.api.ObjectionView;
import io.privacygate.consent.model.Objection;
import io.privacygate.consent.model.Purpose;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.ConsentEventRepository;
import io.privacygate.consent.repository.ObjectionRepository;
import io.privacygate.consent.repository.PurposeRepository;
import io.privacygate.consent.service.audit.ConsentAudit;
import io.privacygate.consent.service.decisionstate.Changed;
import io.privacygate.consent.service.decisionstate.StateChanges;
import io.privacygate.consent.service.decisionstate.StateKeys;
import io.privacygate.consent.service.subjects.SubjectService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Objections per purpose (Art. 21), recorded for the subject (through the privacy center, an operator, or dsr-service)
 * and audited through the outbox like consent events. Decisions read them ({@code DecisionRules}).
 */
@ApplicationScoped
public class ObjectionService {
    private final ObjectionRepository objections;
    private final PurposeRepository purposes;
    private final SubjectService subjects;
    private final ConsentEventRepository locks;
    private final ConsentAudit audit;
    private final StateChanges changes;
    private final SecurityIdentity identity;

    ObjectionService(ObjectionRepository objections, PurposeRepository purposes, SubjectService subjects,
                     ConsentEventRepository locks, ConsentAudit audit, StateChanges changes, SecurityIdentity identity) {
        this.objections = objections;
        this.purposes = purposes;
        this.subjects = subjects;
        this.locks = locks;
        this.audit = audit;
        this.changes = changes;
        this.identity = identity;
    }

    /** The objection, and whether this call recorded it (a repeated objection is the one recorded before). */
    public record Recorded(ObjectionView objection, boolean created) {
    }

    public Uni<Recorded> object(UUID subjectId, String purposeKey) {
        return object(subjectId, purposeKey, Actors.of(identity));
    }

    /** As {@link #object(UUID, String)}, on behalf of {@code actor} (the privacy center records subjects' own). */
    public Uni<Recorded> object(UUID subjectId, String purposeKey, String actor) {
        return changes.commit(() -> subjects.requireFound(subjectId)
                .chain(() -> applicablePurpose(purposeKey))
                .call(() -> locks.lock("objection/" + subjectId + "/" + purposeKey))
                .chain(purpose -> objections.find(subjectId, purposeKey).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(Changed.none(new Recorded(view(existing), false)));
                    }
                    Objection objection = new Objection();
                    objection.id = UUID.randomUUID();
                    objection.subjectId = subjectId;
                    objection.purposeKey = purposeKey;
                    objection.objectedAt = Timestamps.now();
                    objection.recordedBy = actor;
                    return objections.persistAndFlush(objection)
                            .call(saved -> audit.objectionRecorded(subjectId, purpose))
                            .map(saved -> Changed.of(new Recorded(view(saved), true), Set.of(StateKeys.subject(subjectId))));
                })));
    }

    /** Art. 21(1): grounds that override an objection, recorded by the DPO calling; never for direct marketing. */
    public Uni<ObjectionView> recordCompellingGrounds(UUID subjectId, String purposeKey, CompellingGroundsRequest request) {
        return changes.commit(() -> objections.find(subjectId, purposeKey).chain(objection -> {
            if (objection == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No objection of this subject to this purpose."));
            }
            return purposes.findCurrent(purposeKey).chain(purpose -> {
                if (purpose == null || !Art21.groundsMayOverride(purpose.legalBasis, purpose.directMarketing)) {
                    return Uni.createFrom().failure(ProblemException.unprocessable("No grounds override an objection to "
                            + "this purpose: direct marketing stops on objection (Art. 21(3)), and Art. 21(1) grounds "
                            + "apply to legitimate interests and public task only."));
                }
                objection.grounds = request.grounds().strip();
                objection.groundsBy = Actors.of(identity);
                objection.groundsAt = Timestamps.now();
                return objections.flush()
                        .call(() -> audit.compellingGroundsRecorded(subjectId, purpose))
                        .map(ignored -> Changed.of(view(objection), Set.of(StateKeys.subject(subjectId))));
            });
        }));
    }

    @WithSession
    public Uni<List<ObjectionView>> list(UUID subjectId) {
        return subjects.requireFound(subjectId)
                .chain(() -> objections.findBySubject(subjectId))
                .map(all -> all.stream().map(ObjectionService::view).toList());
    }

    private Uni<Purpose> applicablePurpose(String key) {
        return purposes.findCurrent(key).map(purpose -> {
            if (purpose == null) {
                throw ProblemException.unprocessable("No purpose with key '" + key + "'.");
            }
            // Art. 21 grants no objection to processing on contract, legal obligation or vital interests, and consent
            // is withdrawn instead (Art. 7(3)): an objection there would only pretend to restrict it.
            if (!Art21.applies(purpose.legalBasis, purpose.directMarketing)) {
                throw ProblemException.unprocessable("Art. 21 gives no right to object to purpose '" + key + "', based on "
                        + purpose.legalBasis + (purpose.legalBasis.name().equals("CONSENT")
                        ? ": withdraw the consent instead (Art. 7(3))." : "."));
            }
            return purpose;
        });
    }

    static ObjectionView view(Objection o) {
        return new ObjectionView(o.subjectId, o.purposeKey, o.objectedAt, o.recordedBy, o.grounds == null ? null
                : new ObjectionView.CompellingGrounds(o.grounds, o.groundsBy, o.groundsAt));
    }
}
