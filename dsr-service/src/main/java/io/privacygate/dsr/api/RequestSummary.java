package io.privacygate.dsr.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.privacygate.dsr.model.Outcome;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.RequestType;

import java.time.Instant;
import java.util.UUID;

/** A request in a list: no identifiers and no free text, so that lists never spread personal data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestSummary(UUID id, RequestType type, RequestStatus status, Outcome outcome, boolean extended,
                             boolean overdue, String channel, UUID subjectId, Instant receivedAt, Instant dueAt,
                             Instant verifiedAt, Instant closedAt) {
}
