package io.privacygate.consent.model;

import java.util.Map;
import java.util.UUID;

/** The part of a subject that decisions need: its Art. 18 state and its latest event per purpose. */
public record SubjectState(UUID subjectId, boolean restricted, Map<String, LatestConsent> latestByPurpose) {
}
