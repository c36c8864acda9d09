package io.privacygate.dsr.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.crypto.SubjectCipher;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.dsr.api.RequestSummary;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.DsrTask;
import io.privacygate.dsr.model.ExportPackage;
import io.privacygate.dsr.model.Outcome;
import io.privacygate.dsr.model.RecipientNotification;
import io.privacygate.dsr.model.RequestIdentifier;
import io.privacygate.dsr.model.TaskStatus;
import io.privacygate.dsr.model.TaskStep;
import io.privacygate.dsr.model.VerificationCode;
import io.privacygate.dsr.repository.DsrTaskRepository;
import io.privacygate.dsr.repository.ExportPackageRepository;
import io.privacygate.dsr.repository.RecipientNotificationRepository;
import io.privacygate.dsr.repository.RequestIdentifierRepository;
import io.privacygate.dsr.repository.VerificationCodeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Builds what the API shows of a request, inside the caller's session. Identifiers and free text are
 * decrypted only when {@code disclose} is set (for operators); lists never carry them.
 */
@ApplicationScoped
public class RequestViews {
    private final RequestIdentifierRepository identifiers;
    private final DsrTaskRepository tasks;
    private final VerificationCodeRepository codes;
    private final ExportPackageRepository exports;
    private final RecipientNotificationRepository notifications;
    private final SubjectKeys keys;
    private final Answers answers;
    private final DsrConfig config;
    private final ObjectMapper json;

    RequestViews(RequestIdentifierRepository identifiers, DsrTaskRepository tasks, VerificationCodeRepository codes,
                 ExportPackageRepository exports, RecipientNotificationRepository notifications, SubjectKeys keys,
                 Answers answers, DsrConfig config, ObjectMapper json) {
        this.identifiers = identifiers;
        this.tasks = tasks;
        this.codes = codes;
        this.exports = exports;
        this.notifications = notifications;
        this.keys = keys;
        this.answers = answers;
        this.config = config;
        this.json = json;
    }

    public static RequestSummary summary(DsrRequest r, Instant now) {
        return new RequestSummary(r.id, r.type, r.status, r.outcome, r.extended, r.overdueAt(now), r.channel,
                r.subjectId, r.receivedAt, r.dueAt, r.platformDueAt, r.platformDeadlineMissedAt(now), r.verifiedAt,
                r.closedAt);
    }

    /**
     * What the requester was told (the reasons of an extension, a refusal or a restriction's lift) is shown to
     * whoever may see the request, the filing service (the privacy center) included: Art. 12(3)-(4) want the
     * requester to have it.
     */
    public Uni<RequestView> view(DsrRequest request, boolean disclose) {
        boolean toldReasons = request.extended || request.outcome == Outcome.REFUSED || request.liftAnnouncedAt != null;
        Uni<SubjectCipher> cipher = disclose || toldReasons ? keys.forReading(request.id) : Uni.createFrom().nullItem();
        return cipher.chain(c -> identifiers.findByRequest(request.id)
                .chain(ids -> tasks.findByRequest(request.id)
                        .chain(taskList -> codes.findById(request.id)
                                .chain(code -> exports.findById(request.id)
                                        .chain(export -> notifications.findByRequest(request.id)
                                                .map(notified -> build(request, c, disclose, ids, taskList, code, export, notified)))))));
    }

    private RequestView build(DsrRequest r, SubjectCipher cipher, boolean disclose, List<RequestIdentifier> ids,
                              List<DsrTask> taskList, VerificationCode code, ExportPackage export,
                              List<RecipientNotification> notified) {
        Instant now = Instant.now();
        List<Identifier> shown = disclose
                ? ids.stream().map(i -> new Identifier(i.type, cipher.decrypt(RequestIdentifier.value(i.type), i.valueEncrypted))).toList()
                : null;
        RequestView.Extension extension = r.extended
                ? new RequestView.Extension(cipher.decrypt(DsrRequest.EXTENSION_REASON, r.extensionReasonEncrypted), r.extendedAt,
                        r.extendedBy)
                : null;
        RequestView.PendingCode pending = code == null ? null : new RequestView.PendingCode(code.sentAt, code.expiresAt,
                Math.max(0, config.verification().maxAttempts() - code.attempts));
        RequestView.Verification verification = r.verificationMethod == null && pending == null ? null
                : new RequestView.Verification(r.verificationMethod, r.verifiedAt, r.verifiedBy,
                disclose ? cipher.decrypt(DsrRequest.VERIFICATION_EVIDENCE, r.verificationEvidenceEncrypted) : null, pending);
        RequestView.Closing closing = r.closedAt == null ? null
                : new RequestView.Closing(disclose || r.outcome == Outcome.REFUSED
                        ? cipher.decrypt(DsrRequest.CLOSING_REASON, r.closingReasonEncrypted) : null, r.closedAt,
                        r.closedBy);
        List<RequestView.Task> taskViews = taskList.stream().map(t -> new RequestView.Task(t.participant, t.step,
                t.status, t.attempts, t.lastError, t.status == TaskStatus.PENDING ? t.nextAttemptAt : null,
                t.completedAt)).toList();
        RequestView.ExportInfo exportInfo = !r.type.exports() || r.closedAt == null ? null
                : export == null ? new RequestView.ExportInfo(false, null, null, null)
                : new RequestView.ExportInfo(true, export.expiresAt, export.sizeBytes, export.sha256);
        return new RequestView(r.id, r.type, r.status, r.outcome, r.extended, r.overdueAt(now), r.channel,
                disclose ? cipher.decrypt(DsrRequest.DETAILS, r.detailsEncrypted) : null, shown,
                disclose ? rectification(cipher.decrypt(DsrRequest.RECTIFICATION, r.rectificationEncrypted)) : null,
                r.subjectId, r.subjectResolution, r.receivedAt, r.originalDueAt, r.dueAt, r.platformDueAt,
                r.platformDeadlineMissedAt(now), extension, verification,
                closing, restrictionLift(r, cipher, taskList), taskViews, answers.of(r, taskList, notified, exportInfo), r.filedBy, r.createdAt);
    }

    private static RequestView.RestrictionLift restrictionLift(DsrRequest r, SubjectCipher cipher, List<DsrTask> taskList) {
        if (r.liftAnnouncedAt == null) {
            return null;
        }
        List<String> liftedIn = taskList.stream().filter(t -> t.step == TaskStep.UNRESTRICT && t.status == TaskStatus.DONE)
                .map(t -> t.participant).toList();
        return new RequestView.RestrictionLift(cipher.decrypt(DsrRequest.LIFT_REASON, r.liftReasonEncrypted),
                r.liftAnnouncedAt, r.liftAnnouncedBy, r.liftedAt, r.liftedBy, liftedIn, r.liftCompletedAt);
    }

    private RectificationRequest rectification(String decrypted) {
        if (decrypted == null) {
            return null;
        }
        try {
            return json.readValue(decrypted, RectificationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored rectification is unreadable", e);
        }
    }
}
