package io.privacygate.dsr.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.dsr.model.Outcome;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.model.SubjectResolution;
import io.privacygate.dsr.model.TaskStatus;
import io.privacygate.dsr.model.TaskStep;
import io.privacygate.dsr.model.VerificationMethod;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One request in full. {@code identifiers}, {@code details} and the corrected values are present only for
 * operators (dpo, privacy-operator); a service that filed the request sees its state only. {@code platformDueAt} is
 * the deadline of the platform whose signal opened the request (X's compliance events: 24 hours), beside the
 * Art. 12(3) {@code dueAt}; null when its channel has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(UUID id, RequestType type, RequestStatus status, Outcome outcome, boolean extended,
                          boolean overdue, String channel, String details, List<Identifier> identifiers,
                          RectificationRequest rectification, UUID subjectId, SubjectResolution subjectResolution,
                          Instant receivedAt, Instant originalDueAt, Instant dueAt,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Instant platformDueAt,
                          boolean platformDeadlineMissed, Extension extension,
                          Verification verification, Closing closing, RestrictionLift restrictionLift, List<Task> tasks,
                          Answer answer, String filedBy, Instant createdAt) {

    public record Extension(String reason, Instant extendedAt, String extendedBy) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(VerificationMethod method, Instant verifiedAt, String verifiedBy, String evidence,
                               PendingCode pendingCode) {
    }

    /** An e-mailed code is waiting to be entered. */
    public record PendingCode(Instant sentAt, Instant expiresAt, int attemptsLeft) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Closing(String reason, Instant closedAt, String closedBy) {
    }

    /**
     * Art. 18(3): the lift of the restriction, announced to the requester ({@code reason} for operators) and then
     * ordered; {@code liftedIn} names the systems that have lifted it, {@code completedAt} when the last one did.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RestrictionLift(String reason, Instant announcedAt, String announcedBy, Instant liftedAt,
                                  String liftedBy, List<String> liftedIn, Instant completedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Task(String participant, TaskStep step, TaskStatus status, int attempts, String lastError,
                       Instant nextAttemptAt, Instant completedAt) {
    }

    /**
     * What the subject is told, without personal data: per system what was erased, restricted or corrected,
     * what was kept and why (Art. 17(3)), the marketing purposes withdrawn (Art. 21(3)), the recipients
     * notified (Art. 19) and the package, if any.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Answer(String summary, List<ErasureReceipt> erasure, List<Retained> retained,
                         List<String> restrictedIn, List<Rectified> rectified, List<String> withdrawnPurposes,
                         List<String> objectedPurposes, List<Recipient> recipientsNotified, ExportInfo export) {
    }

    public record Retained(String system, String category, String legalBasis, String reason) {
    }

    public record Rectified(String system, List<String> fields) {
    }

    public record Recipient(String recipient, List<String> purposes, Instant notifiedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportInfo(boolean available, Instant expiresAt, Long sizeBytes, String sha256) {
    }
}
