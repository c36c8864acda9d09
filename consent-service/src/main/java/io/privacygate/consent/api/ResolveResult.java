package io.privacygate.consent.api;

import java.util.UUID;

public record ResolveResult(UUID subjectId, boolean created) {
}
