package io.privacygate.ingestion.api;

import io.privacygate.commons.gdpr.LegalBasis;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A subject's contact fields collected for one purpose, decrypted; holds personal data, so toString names none. */
public record ContactView(UUID subjectId, String purpose, LegalBasis legalBasis, Map<String, String> fields,
                          Instant firstSeenAt, Instant lastSeenAt) {
    @Override
    public String toString() {
        return "ContactView[subjectId=" + subjectId + ", purpose=" + purpose + ", fields=" + fields.keySet() + "]";
    }
}
