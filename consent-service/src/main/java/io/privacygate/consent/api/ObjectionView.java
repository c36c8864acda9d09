package io.privacygate.consent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * An objection as recorded; {@code compellingGrounds} when the DPO recorded grounds that override it (Art. 21(1)).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectionView(UUID subjectId, String purpose, Instant objectedAt, String recordedBy,
                            CompellingGrounds compellingGrounds) {

    public record CompellingGrounds(String grounds, String recordedBy, Instant recordedAt) {
    }
}
