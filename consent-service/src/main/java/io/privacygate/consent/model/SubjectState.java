package io.privacygate.consent.model;

import java.util.Map;
import java.util.UUID;

/**
 * The part of a subject that decisions need: its Art. 18 state, its latest event per purpose, and its Art. 21
 * objections by purpose (true: the DPO recorded compelling grounds that override it), and whether it is still pending
 * (issue #20, point 1), so that a permitted decision confirms it.
 */
public record SubjectState(UUID subjectId, boolean restricted, Map<String, LatestConsent> latestByPurpose,
                           Map<String, Boolean> objections, boolean pending) {
}
