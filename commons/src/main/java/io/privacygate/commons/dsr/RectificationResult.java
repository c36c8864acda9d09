package io.privacygate.commons.dsr;

import java.util.List;
import java.util.UUID;

/** What a participant changed in answer to a rectification: the names of the fields, never their values. */
public record RectificationResult(String system, UUID subjectId, List<String> rectified) {
}
