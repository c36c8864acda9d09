package io.privacygate.audit.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a rule found, as it stands after an evaluation: a new alert, or more evidence for an open one with the
 * same fingerprint. Only pseudonymous references: the key, subjectRefs and log indexes.
 *
 * @param evidence   the log indexes of the events, oldest first, up to the configured maximum
 * @param eventCount every occurrence the episode stands for (an aggregated event counts by its count), also beyond the evidence kept
 * @param evidenceComplete whether every event of the episode is in {@code evidence} (none left out beyond the maximum)
 * @param limit      the threshold that was exceeded (0 for rules that fire on one event)
 * @param window     the window it was measured in ({@link Duration#ZERO} for rules that fire on one event)
 */
public record Finding(String fingerprint, RuleKind rule, String key, List<String> reasons, List<String> subjectRefs,
                      List<Long> evidence, boolean evidenceComplete, long eventCount, Instant firstEventAt, Instant lastEventAt, int limit,
                      Duration window) {
}
