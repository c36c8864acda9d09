package io.privacygate.consent.api;

import java.util.List;
import java.util.UUID;

/** One result per entry of a {@link BatchResolveRequest}, in request order. */
public record BatchResolveResult(List<Entry> results) {

    /** The entry's identifiers belong to two different subjects; they are not merged (a stable code, no PII). */
    public static final String DIFFERENT_SUBJECTS = "identifiers-of-different-subjects";

    /** Either a subject ({@code refused} null) or a refusal ({@code subjectId} null). */
    public record Entry(UUID subjectId, boolean created, String refused) {
        public static Entry resolved(UUID subjectId, boolean created) {
            return new Entry(subjectId, created, null);
        }

        public static Entry refusedAs(String reason) {
            return new Entry(null, false, reason);
        }
    }
}
