package io.privacygate.dsr.api;

import java.time.Instant;
import java.util.UUID;

/** consent-service's {@code POST /api/v1/consents} body, as dsr-service sends it: a withdrawal by subject id. */
public record ConsentBody(UUID subjectId, String purpose, String state, String collectionMethod, Evidence evidence) {

    public static ConsentBody withdrawal(UUID subjectId, String purpose, UUID requestId) {
        return new ConsentBody(subjectId, purpose, "WITHDRAWN", "dsr-objection",
                new Evidence("dsr-service", "request:" + requestId, Instant.now()));
    }

    public record Evidence(String source, String formId, Instant capturedAt) {
    }
}
