package io.privacygate.audit.service.detection;

import io.privacygate.audit.model.RuleKind;
import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.audit.AuditOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Purpose limitation (Art. 5(1)(b)) over the CRM: a read must name a purpose, consent-service must have allowed
 * it, and the subject's data must have been stored for it. Which purposes a subject's data serves is learnt from
 * the log itself (ingestion-service's {@code interaction.stored}, less {@code consent.revocation-applied},
 * erasures, and a deletion at the source that took the subject's last data), so the check does not trust the service that made the read. Each of those events is believed only
 * from the service that holds the data it speaks of ({@link #HOLDERS}): an event's service is the authenticated
 * sender (docs/decisions/0021), so no other service can plant a purpose that would hide a read, nor erase one.
 * An actor's offending reads within the window of each other form one alert.
 */
final class CrmPurposeRule implements Rule {
    static final String STORED = "interaction.stored";
    static final String REVOKED = "consent.revocation-applied";
    static final Set<String> ERASED = Set.of("dsr.erased", "subject.erased");
    /** An item deleted at its platform; with {@code keyShredded} it was the subject's last data (issue 21). */
    static final String DELETED_AT_SOURCE = "interaction.deleted-at-source";
    /** Who may change what a subject's data serves: ingestion-service's interactions, consent-service's subjects. */
    static final Map<String, String> HOLDERS = Map.of(STORED, "ingestion-service", REVOKED, "ingestion-service",
            "dsr.erased", "ingestion-service", "subject.erased", "consent-service", DELETED_AT_SOURCE, "ingestion-service");
    static final String NO_PURPOSE = "no-purpose";
    static final String REFUSED = "purpose-refused";
    static final String NOT_COLLECTED = "purpose-not-collected";

    private final String readAction;
    private final Duration window;
    private final int maxEvidence;
    private final Episodes episodes;

    CrmPurposeRule(String readAction, Duration window, int maxKeys, int maxEvidence) {
        this.readAction = readAction;
        this.window = window;
        this.maxEvidence = maxEvidence;
        this.episodes = new Episodes(maxKeys);
    }

    /** The actions whose subjects' purposes an evaluation must load. */
    Set<String> actions() {
        return Set.of(STORED, REVOKED, "dsr.erased", "subject.erased", DELETED_AT_SOURCE, readAction);
    }

    @Override
    public void offer(IndexedEvent indexed, Sink sink) {
        AuditEvent event = indexed.event();
        SubjectPurposes purposes = sink.purposes();
        boolean success = AuditOutcome.SUCCESS.name().equals(event.outcome());
        String subject = event.subjectRef();
        String purpose = event.purpose();
        String holder = HOLDERS.get(event.action());
        if (holder != null && !holder.equals(event.service())) {
            return;
        }
        if (success && subject != null && STORED.equals(event.action()) && purpose != null) {
            purposes.collected(subject, purpose);
        } else if (success && subject != null && REVOKED.equals(event.action()) && purpose != null) {
            purposes.revoked(subject, purpose);
        } else if (success && subject != null && (ERASED.contains(event.action()) || lastDataDeletedAtSource(event))) {
            purposes.erased(subject);
        } else if (readAction.equals(event.action())) {
            String reason = offence(event, purposes);
            if (reason != null) {
                report(indexed, reason, sink);
            }
        }
    }

    private static boolean lastDataDeletedAtSource(AuditEvent event) {
        return DELETED_AT_SOURCE.equals(event.action()) && event.details() != null
                && "true".equals(event.details().get("keyShredded"));
    }

    private static String offence(AuditEvent read, SubjectPurposes purposes) {
        if (read.purpose() == null || read.purpose().isBlank()) {
            return NO_PURPOSE;
        }
        if (AuditOutcome.DENIED.name().equals(read.outcome())) {
            return REFUSED;
        }
        if (AuditOutcome.SUCCESS.name().equals(read.outcome()) && read.subjectRef() != null
                && !purposes.serves(read.subjectRef(), read.purpose())) {
            return NOT_COLLECTED;
        }
        return null;
    }

    private void report(IndexedEvent read, String reason, Sink sink) {
        String actor = Detector.actorOf(read.event());
        Hit hit = Hit.of(read);
        Episode episode = episodes.active(actor, hit.from());
        if (episode == null) {
            episode = new Episode(RuleKind.CRM_PURPOSE, actor, read.index(), 0, window, maxEvidence);
            episodes.start(episode);
        }
        episode.add(hit, reason);
        sink.report(episode);
    }

    @Override
    public void sweep(Instant watermark) {
        episodes.sweep(watermark);
    }

    @Override
    public void reset() {
        episodes.clear();
    }

    /** Its purposes live in the database; its episodes simply start afresh after a restart. */
    @Override
    public boolean replays() {
        return false;
    }
}
