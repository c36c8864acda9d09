package io.privacygate.commons.dsr;

import java.time.Instant;
import java.util.UUID;

/** A participant's answer to a restriction call. */
public record RestrictionState(String system, UUID subjectId, boolean restricted, Instant changedAt) {
}
