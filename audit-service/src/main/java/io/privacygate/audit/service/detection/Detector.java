package io.privacygate.audit.service.detection;

import io.privacygate.audit.config.DetectionConfig;
import io.privacygate.audit.model.Finding;
import io.privacygate.audit.model.LeafCodec;
import io.privacygate.audit.model.RuleKind;
import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.audit.AuditOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enabled rules over the log, fed in index order. Pure and single-threaded: the caller holds the detection
 * cursor while it evaluates, and persists what it answers.
 */
public final class Detector {
    private static final String UNATTRIBUTED = "unattributed";

    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> actions = new HashSet<>();
    private final Set<String> purposeActions = new HashSet<>();
    private Duration longestWindow = Duration.ZERO;

    public Detector(DetectionConfig config) {
        int maxKeys = config.maxKeys();
        int maxEvidence = config.maxEvidence();
        if (config.bulkRead().enabled()) {
            DetectionConfig.BulkRead bulk = config.bulkRead();
            add(new ThresholdRule(RuleKind.BULK_READ,
                    e -> is(e, AuditOutcome.SUCCESS) && e.subjectRef() != null && bulk.actions().contains(e.action()),
                    Detector::actorOf, (e, w) -> Hit.of(e), DistinctSubjectWindow::new, bulk.maxSubjects(), bulk.window(), maxKeys, maxEvidence),
                    bulk.actions(), bulk.window());
        }
        if (config.crmPurpose().enabled()) {
            CrmPurposeRule crm = new CrmPurposeRule(config.crmPurpose().action(), config.crmPurpose().window(), maxKeys, maxEvidence);
            add(crm, crm.actions(), Duration.ZERO);
            purposeActions.addAll(crm.actions());
        }
        if (config.deniedBurst().enabled()) {
            DetectionConfig.DeniedBurst denied = config.deniedBurst();
            add(new ThresholdRule(RuleKind.DENIED_BURST,
                    e -> is(e, AuditOutcome.DENIED) && denied.actions().contains(e.action()),
                    Detector::sourceOf, ReportedCount::hit, CountWindow::new, denied.maxDenials(), denied.window(), maxKeys, maxEvidence),
                    denied.actions(), denied.window());
        }
        if (config.cryptoFailures().enabled()) {
            DetectionConfig.CryptoFailures crypto = config.cryptoFailures();
            add(new ThresholdRule(RuleKind.CRYPTO_FAILURES, e -> crypto.actions().contains(e.action()),
                    AuditEvent::service, ReportedCount::hit, CountWindow::new, crypto.maxFailures(), crypto.window(), maxKeys, maxEvidence),
                    crypto.actions(), crypto.window());
        }
        if (config.dsrOverdue().enabled()) {
            add(new DsrDeadlineRule(RuleKind.DSR_OVERDUE, config.dsrOverdue().action()), Set.of(config.dsrOverdue().action()),
                    Duration.ZERO);
        }
        if (config.platformDeadline().enabled()) {
            DetectionConfig.PlatformDeadline platform = config.platformDeadline();
            add(new DsrDeadlineRule(RuleKind.PLATFORM_DEADLINE_NEAR, platform.nearAction()), Set.of(platform.nearAction()),
                    Duration.ZERO);
            add(new DsrDeadlineRule(RuleKind.PLATFORM_DEADLINE_MISSED, platform.missedAction()),
                    Set.of(platform.missedAction()), Duration.ZERO);
        }
    }

    private void add(Rule rule, Set<String> ruleActions, Duration window) {
        rules.add(rule);
        actions.addAll(ruleActions);
        if (window.compareTo(longestWindow) > 0) {
            longestWindow = window;
        }
    }

    /**
     * The event of a leaf if some rule looks at its action, else null; also null for bytes that are not an event
     * (a tampered row: verification reports it, detection passes over it). The action is read from the leaf's
     * first member before anything is decoded, which keeps the events no rule needs cheap.
     */
    public IndexedEvent relevant(long index, byte[] leaf) {
        String action = ActionPeek.action(leaf);
        if (action != null && !actions.contains(action)) {
            return null;
        }
        try {
            AuditEvent event = LeafCodec.decode(leaf);
            return event.occurredAt() != null && actions.contains(event.action()) ? new IndexedEvent(index, event) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The subjects whose stored purposes an evaluation of these events needs. */
    public Set<String> purposeSubjects(List<IndexedEvent> events) {
        Set<String> subjects = new LinkedHashSet<>();
        for (IndexedEvent event : events) {
            if (event.event().subjectRef() != null && purposeActions.contains(event.event().action())) {
                subjects.add(event.event().subjectRef());
            }
        }
        return subjects;
    }

    /**
     * Evaluates events appended after the previous call; answers each alert they opened or extended, once, as it
     * stands at the end. {@code purposes} is changed in place.
     */
    public List<Finding> evaluate(List<IndexedEvent> events, SubjectPurposes purposes, Instant now) {
        Map<String, Episode> reported = new LinkedHashMap<>();
        Rule.Sink sink = new Rule.Sink() {
            @Override
            public void report(Episode episode) {
                reported.put(episode.fingerprint(), episode);
            }

            @Override
            public SubjectPurposes purposes() {
                return purposes;
            }
        };
        feed(events, rules, sink, now);
        return reported.values().stream().map(Episode::snapshot).toList();
    }

    /**
     * Rebuilds the in-memory windows from events that were evaluated before (after a restart, or when another
     * replica moved the cursor): nothing is reported, and rules whose state is not in memory are skipped.
     */
    public void replay(List<IndexedEvent> events, Instant now) {
        Rule.Sink discard = new Rule.Sink() {
            @Override
            public void report(Episode episode) {
                // Reported when the events were first evaluated.
            }

            @Override
            public SubjectPurposes purposes() {
                return SubjectPurposes.none();
            }
        };
        feed(events, rules.stream().filter(Rule::replays).toList(), discard, now);
    }

    public void reset() {
        rules.forEach(Rule::reset);
    }

    /** How far back a rebuild must reach: twice the longest window, so that an episode open at the cursor is whole. */
    public Duration replayHorizon() {
        return longestWindow.multipliedBy(2);
    }

    public boolean active() {
        return !rules.isEmpty();
    }

    private static void feed(List<IndexedEvent> events, List<Rule> rules, Rule.Sink sink, Instant now) {
        Instant newest = Instant.MIN;
        for (IndexedEvent event : events) {
            for (Rule rule : rules) {
                rule.offer(event, sink);
            }
            if (event.event().occurredAt().isAfter(newest)) {
                newest = event.event().occurredAt();
            }
        }
        // Event time, but never ahead of the clock: one event dated in the future must not expire every window.
        Instant watermark = newest.isAfter(now) ? now : newest;
        if (!events.isEmpty()) {
            rules.forEach(rule -> rule.sweep(watermark));
        }
    }

    static boolean is(AuditEvent event, AuditOutcome outcome) {
        return outcome.name().equals(event.outcome());
    }

    static String actorOf(AuditEvent event) {
        return event.actor() == null || event.actor().isBlank() ? UNATTRIBUTED : event.actor();
    }

    /** A denial's source: the pseudonym of where it came from if the service sent one, else who was refused. */
    static String sourceOf(AuditEvent event) {
        String source = event.details() == null ? null : event.details().get("source");
        return source == null || source.isBlank() ? actorOf(event) : source;
    }
}
