package io.privacygate.dsr.client;

import java.util.UUID;

/** consent-service's answer to a resolve: the subject, and whether this call created it. */
public record ResolveResult(UUID subjectId, boolean created) {
}
