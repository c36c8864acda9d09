package io.privacygate.dsr.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.privacygate.dsr.model.Outcome;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.RequestType;

import java.time.Instant;
import java.util.UUID;

/**
 * A request in a list: no identifiers and no free text, so that lists never spread personal data.
 * {@code platformDueAt} is the deadline of the platform whose signal opened it (null when none), and
 * {@code platformDeadlineMissed} says it passed while the request was open.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestSummary(UUID id, RequestType type, RequestStatus status, Outcome outcome, boolean extended,
                             boolean overdue, String channel, UUID subjectId, Instant receivedAt, Instant dueAt,
                             @JsonInclude(JsonInclude.Include.ALWAYS) Instant platformDueAt,
                             boolean platformDeadlineMissed, Instant verifiedAt, Instant closedAt) {
}
