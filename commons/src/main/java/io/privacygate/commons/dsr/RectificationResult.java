package io.privacygate.commons.dsr;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.UUID;

/** What a participant changed in answer to a rectification: the names of the fields, never their values. */
@RegisterForReflection // dsr-service stores and reads it as a task result
public record RectificationResult(String system, UUID subjectId, List<String> rectified) {
}
