package io.privacygate.audit.model;

/** One purpose a subject's data may serve, by the subject's pseudonymous reference. */
public record SubjectPurpose(String subjectRef, String purpose) {
}
