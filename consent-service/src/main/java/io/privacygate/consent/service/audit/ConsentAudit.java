package io.privacygate.consent.service.audit;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.audit.AuditEntry;
import io.privacygate.commons.audit.AuditOutcome;
import io.privacygate.commons.audit.AuditTrail;
import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.consent.api.DecisionView;
import io.privacygate.consent.api.SourceKind;
import io.privacygate.consent.model.ConsentEvent;
import io.privacygate.consent.model.Purpose;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every kind of audit event consent-service emits, one method each. Subjects appear only by their
 * pseudonymous id; identifiers appear by type and count, never by value. The methods that return a
 * {@link Uni} must run inside the transaction of the change they describe.
 */
@ApplicationScoped
public class ConsentAudit {
    /** The actor of what this service does on its own schedule. */
    static final String SYSTEM = "system:consent-service";
    private final AuditTrail trail;
    private final AuditGroupCommit groupCommit;
    private final SecurityIdentity identity;

    ConsentAudit(AuditTrail trail, AuditGroupCommit groupCommit, SecurityIdentity identity) {
        this.trail = trail;
        this.groupCommit = groupCommit;
        this.identity = identity;
    }

    public Uni<Void> subjectCreated(UUID subjectId, Collection<IdentifierType> types) {
        return trail.record(entry("subject.created").subject(subjectId).detail("identifierTypes", typeList(types)));
    }

    public Uni<Void> identifiersLinked(UUID subjectId, Collection<IdentifierType> types) {
        return trail.record(entry("subject.identifiers-linked").subject(subjectId)
                .detail("identifierTypes", typeList(types)).detail("count", types.size()));
    }

    /** Decrypted identifiers were shown to an operator: an access to personal data worth accounting for (Art. 5(2)). */
    public Uni<Void> identifiersDisclosed(UUID subjectId, int count) {
        return trail.record(entry("subject.identifiers-disclosed").subject(subjectId).detail("count", count));
    }

    public Uni<Void> purposeCreated(Purpose purpose) {
        return trail.record(entry("purpose.created").purpose(purpose.key, purpose.legalBasis)
                .detail("version", purpose.version).detail("status", purpose.status));
    }

    public Uni<Void> purposeChanged(Purpose previous, Purpose next) {
        return trail.record(entry("purpose.changed").purpose(next.key, next.legalBasis)
                .detail("previousVersion", previous.version).detail("version", next.version)
                .detail("previousLegalBasis", previous.legalBasis)
                .detail("noticeChanged", !Objects.equals(previous.noticeVersion, next.noticeVersion))
                .detail("status", next.status));
    }

    /** The DPO signed off a legitimate-interests assessment of the purpose's current version (Art. 6(1)(f)). */
    public Uni<Void> balancingTestRecorded(Purpose purpose) {
        return trail.record(entry("purpose.balancing-test-recorded").purpose(purpose.key, purpose.legalBasis)
                .detail("version", purpose.version));
    }

    /** A draft purpose, its basis justified, was activated: decisions may permit it from now on. */
    public Uni<Void> purposeActivated(Purpose purpose) {
        return trail.record(entry("purpose.activated").purpose(purpose.key, purpose.legalBasis)
                .detail("version", purpose.version));
    }

    /** A subject objected to one purpose (Art. 21). */
    public Uni<Void> objectionRecorded(UUID subjectId, Purpose purpose) {
        return trail.record(entry("objection.recorded").subject(subjectId).purpose(purpose.key, purpose.legalBasis)
                .detail("directMarketing", purpose.directMarketing));
    }

    /** The DPO recorded compelling legitimate grounds that override an objection (Art. 21(1)). */
    public Uni<Void> compellingGroundsRecorded(UUID subjectId, Purpose purpose) {
        return trail.record(entry("objection.compelling-grounds-recorded").subject(subjectId)
                .purpose(purpose.key, purpose.legalBasis));
    }

    /** The DPO wrote (or rewrote) the plain-language text of a notice in one language. */
    public Uni<Void> noticeTextSet(String purposeKey, LegalBasis basis, String noticeVersion, String language) {
        return trail.record(entry("purpose.notice-text-set").purpose(purposeKey, basis)
                .detail("noticeVersion", noticeVersion).detail("language", language));
    }

    public Uni<Void> consentGranted(ConsentEvent event, LegalBasis basis) {
        return trail.record(consent("consent.granted", event, basis));
    }

    public Uni<Void> consentWithdrawn(ConsentEvent event, LegalBasis basis) {
        return trail.record(consent("consent.withdrawn", event, basis));
    }

    public Uni<Void> consentRefused(ConsentEvent event, LegalBasis basis) {
        return trail.record(consent("consent.refused", event, basis));
    }

    /**
     * Denied decisions change no state, so they are written by group commit rather than in a transaction;
     * the answer waits until they are durable.
     */
    public Uni<Void> decisionsDenied(List<DeniedDecision> denied) {
        if (denied.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String actor = actor();
        return groupCommit.record(denied.stream()
                .map(d -> new AuditEntry("decision.denied", AuditOutcome.DENIED, actor, d.subjectId(), null, null, Map.of())
                        .purpose(d.purpose(), d.decision().legalBasis())
                        .detail("reason", d.decision().reason())
                        .detail("channel", d.channel())
                        .detail("sourceKind", d.sourceKind() == null ? "" : d.sourceKind().wireName())
                        .detail("gpc", d.gpc()))
                .toList());
    }

    public Uni<Void> subjectRestricted(UUID subjectId) {
        return trail.record(entry("subject.restricted").subject(subjectId));
    }

    public Uni<Void> restrictionLifted(UUID subjectId) {
        return trail.record(entry("subject.restriction-lifted").subject(subjectId));
    }

    public Uni<Void> subjectErased(UUID subjectId, boolean keyShredded, Map<String, Long> deleted) {
        AuditEntry entry = entry("subject.erased").subject(subjectId).detail("keyShredded", keyShredded);
        for (Map.Entry<String, Long> count : deleted.entrySet()) {
            entry = entry.detail("deleted." + count.getKey(), count.getValue());
        }
        return trail.record(entry);
    }

    /**
     * Pending subjects nobody confirmed were purged on their deadline (issue #20, point 1): counts only, no subject,
     * since the point is that nothing about them remains. Done by this service's own schedule, not by a caller.
     */
    public Uni<Void> pendingSubjectsPurged(int subjects, int identifiers) {
        return trail.record(AuditEntry.of("subject.pending-purged", AuditOutcome.SUCCESS, SYSTEM)
                .detail("subjects", subjects).detail("identifiers", identifiers));
    }

    /** A new receipt signing key signs from now on; the earlier ones stay published (#19 point 3). */
    public Uni<Void> receiptKeyRotated(String kid) {
        return trail.record(entry("receipt-key.rotated").detail("kid", kid));
    }

    /** The subject was given the Art. 14 information (when and how are in consent-service, not in the trail). */
    public Uni<Void> art14Informed(UUID subjectId) {
        return trail.record(entry("subject.art14-informed").subject(subjectId));
    }

    public Uni<Void> subjectRectified(UUID subjectId, List<String> fields) {
        return trail.record(entry("subject.rectified").subject(subjectId).detail("fields", String.join(",", fields)));
    }

    public Uni<Void> subjectExported(UUID subjectId) {
        return trail.record(entry("subject.exported").subject(subjectId));
    }

    /** A denied decision to audit; {@code subjectId} is null when the subject was named by unknown identifiers. */
    public record DeniedDecision(UUID subjectId, String purpose, String channel, SourceKind sourceKind, boolean gpc,
                                 DecisionView decision) {
    }

    private AuditEntry consent(String action, ConsentEvent event, LegalBasis basis) {
        return entry(action).subject(event.subjectId).purpose(event.purposeKey, basis)
                .detail("eventId", event.id)
                .detail("purposeVersion", event.purposeVersion)
                .detail("noticeVersion", event.noticeVersion)
                .detail("collectionMethod", event.collectionMethod);
    }

    private AuditEntry entry(String action) {
        return AuditEntry.of(action, AuditOutcome.SUCCESS, actor());
    }

    private String actor() {
        return Actors.of(identity);
    }

    private static String typeList(Collection<IdentifierType> types) {
        return types.stream().map(IdentifierType::wireName).sorted().distinct().collect(Collectors.joining(","));
    }
}
