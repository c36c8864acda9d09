package io.privacygate.audit.service.detection;

import io.privacygate.audit.model.Finding;
import io.privacygate.audit.model.RuleKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One alert in the making: the events that crossed a rule's threshold, and those that follow while the activity
 * goes on (each within the window of the previous), so that a DPO sees the whole extent of a bulk export in one
 * alert (Art. 33(3)(a) asks for the approximate number of subjects and records). Evidence and subjects are
 * capped; the count is not.
 */
final class Episode {
    private final String fingerprint;
    private final RuleKind rule;
    private final String key;
    private final int limit;
    private final Duration window;
    private final int maxEvidence;
    private final Set<String> reasons = new LinkedHashSet<>();
    private final List<Long> evidence = new ArrayList<>();
    private final Set<String> subjects = new LinkedHashSet<>();
    private long count;
    private boolean evidenceComplete = true;
    private Instant first;
    private Instant last;

    Episode(RuleKind rule, String key, long firstIndex, int limit, Duration window, int maxEvidence) {
        this(rule.code() + ":" + PseudonymousRefs.guard(key) + ":" + firstIndex, rule, key, limit, window, maxEvidence);
    }

    Episode(String fingerprint, RuleKind rule, String key, int limit, Duration window, int maxEvidence) {
        this.fingerprint = fingerprint;
        this.rule = rule;
        this.key = key;
        this.limit = limit;
        this.window = window;
        this.maxEvidence = maxEvidence;
    }

    String fingerprint() {
        return fingerprint;
    }

    String key() {
        return key;
    }

    void add(Hit hit, String reason) {
        count += hit.weight();
        if (reason != null) {
            reasons.add(reason);
        }
        if (evidence.size() < maxEvidence) {
            evidence.add(hit.index());
        } else {
            evidenceComplete = false;
        }
        if (hit.subjectRef() != null && subjects.size() < maxEvidence) {
            String subject = PseudonymousRefs.guard(hit.subjectRef());
            if (!subject.equals(PseudonymousRefs.WITHHELD)) {
                subjects.add(subject);
            }
        }
        if (first == null || hit.from().isBefore(first)) {
            first = hit.from();
        }
        if (last == null || hit.to().isAfter(last)) {
            last = hit.to();
        }
    }

    /** Whether a hit from {@code at} on still belongs to this episode: within the window of its latest event. */
    boolean activeAt(Instant at) {
        return !at.isAfter(last.plus(window));
    }

    Finding snapshot() {
        return new Finding(fingerprint, rule, PseudonymousRefs.guard(key), List.copyOf(reasons), List.copyOf(subjects),
                List.copyOf(evidence), evidenceComplete, count, first, last, limit, window);
    }
}
