package io.privacygate.dsr.service.fanout;

import java.util.UUID;

/** What a successful call produced, as the task records it. */
public sealed interface StepResult {

    /** {@code result} carries no personal data; {@code sensitive} (exported data) is stored encrypted. */
    record Recorded(String result, String sensitive) implements StepResult {
    }

    /** RESOLVE: the identifiers belong to this subject. */
    record SubjectFound(UUID subjectId) implements StepResult {
    }

    /** RESOLVE: nobody is known by the identifiers. */
    record NoSubject() implements StepResult {
    }
}
