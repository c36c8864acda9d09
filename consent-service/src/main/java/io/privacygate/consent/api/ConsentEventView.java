package io.privacygate.consent.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.privacygate.consent.model.ConsentState;

import java.time.Instant;
import java.util.UUID;

/** A recorded consent event. The evidence holds the IP address only as a pseudonym. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentEventView(UUID eventId, UUID receiptId, UUID subjectId, String purpose, int purposeVersion,
                               ConsentState state, String noticeVersion, String noticeLanguage, String noticeHash,
                               String collectionMethod,
                               EvidenceView evidence, Instant recordedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvidenceView(String source, String formId, String ipPseudonym, String userAgent, Instant capturedAt) {
    }
}
