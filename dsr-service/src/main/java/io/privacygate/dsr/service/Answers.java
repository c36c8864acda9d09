package io.privacygate.dsr.service;

import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.DsrTask;
import io.privacygate.dsr.model.RecipientNotification;
import io.privacygate.dsr.model.TaskStatus;
import io.privacygate.dsr.model.TaskStep;
import io.privacygate.dsr.service.fanout.TaskResults;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The answer to the subject, built from what each system reported: what was done where, what was kept and
 * on which ground (Art. 17(3)), and who was told (Art. 19). It holds no personal data.
 */
@ApplicationScoped
public class Answers {
    private final TaskResults results;

    Answers(TaskResults results) {
        this.results = results;
    }

    public RequestView.Answer of(DsrRequest request, List<DsrTask> tasks, List<RecipientNotification> notified,
                                 RequestView.ExportInfo export) {
        List<ErasureReceipt> erasure = new ArrayList<>();
        List<RequestView.Retained> retained = new ArrayList<>();
        List<String> restrictedIn = new ArrayList<>();
        List<RequestView.Rectified> rectified = new ArrayList<>();
        List<String> withdrawn = new ArrayList<>();
        List<String> objected = new ArrayList<>();
        for (DsrTask task : tasks) {
            if (task.status != TaskStatus.DONE || task.result == null || results.heldNoData(task.result)) {
                continue;
            }
            switch (task.step) {
                case ERASE -> {
                    ErasureReceipt receipt = results.receipt(task.result);
                    erasure.add(receipt);
                    receipt.retained().forEach(kept -> retained.add(new RequestView.Retained(task.participant,
                            kept.category(), kept.legalBasis(), kept.reason())));
                }
                case RESTRICT -> restrictedIn.add(task.participant);
                case RECTIFY -> {
                    RectificationResult result = results.rectification(task.result);
                    rectified.add(new RequestView.Rectified(task.participant, result.rectified()));
                }
                case WITHDRAW_MARKETING -> withdrawn.addAll(results.strings(task.result));
                case OBJECT -> objected.addAll(results.strings(task.result));
                default -> {
                }
            }
        }
        List<RequestView.Recipient> recipients = notified.stream()
                .map(n -> new RequestView.Recipient(n.recipient, Arrays.asList(n.purposes.split(",")), n.notifiedAt))
                .toList();
        return new RequestView.Answer(summary(request, tasks, erasure, retained, restrictedIn, rectified, withdrawn,
                objected, recipients), erasure, retained, restrictedIn, rectified, withdrawn, objected, recipients, export);
    }

    private static String summary(DsrRequest request, List<DsrTask> tasks, List<ErasureReceipt> erasure,
                                  List<RequestView.Retained> retained, List<String> restrictedIn,
                                  List<RequestView.Rectified> rectified, List<String> withdrawn, List<String> objected,
                                  List<RequestView.Recipient> recipients) {
        if (request.outcome == null) {
            return null;
        }
        String text = switch (request.outcome) {
            case NO_DATA_HELD -> "No personal data is held about the identifiers given.";
            case REFUSED -> "The request was refused; the reason is given. The data subject may lodge a complaint "
                    + "with a supervisory authority and seek a judicial remedy (Art. 12(4)).";
            case CLOSED_UNVERIFIED -> "The request was closed because the requester's identity could not be "
                    + "verified (Art. 12(6)).";
            case FULFILLED, PARTIALLY_FULFILLED -> done(request, tasks, erasure, restrictedIn, rectified, withdrawn, objected);
        };
        StringBuilder summary = new StringBuilder(text);
        if (request.liftCompletedAt != null) {
            summary.append(" The restriction was lifted on ").append(request.liftCompletedAt)
                    .append(", after the requester was told (Art. 18(3)).");
        }
        for (RequestView.Retained kept : retained) {
            summary.append(" Kept in ").append(kept.system()).append(": ").append(kept.category())
                    .append(" (").append(kept.legalBasis()).append("): ").append(kept.reason());
        }
        if (!recipients.isEmpty()) {
            summary.append(" Recipients notified (Art. 19): ")
                    .append(String.join(", ", recipients.stream().map(RequestView.Recipient::recipient).toList()))
                    .append('.');
        }
        return summary.toString();
    }

    private static String done(DsrRequest request, List<DsrTask> tasks, List<ErasureReceipt> erasure,
                               List<String> restrictedIn, List<RequestView.Rectified> rectified, List<String> withdrawn,
                               List<String> objected) {
        long systems = tasks.stream().filter(t -> t.step == TaskStep.EXPORT).count();
        return switch (request.type) {
            case ACCESS, PORTABILITY -> "A copy of the personal data held in " + systems
                    + " systems, with the information of Art. 15(1), is in the export package.";
            case ERASURE -> "The personal data was erased in " + erasure.size() + " systems"
                    + (erasure.stream().anyMatch(ErasureReceipt::keyShredded) ? " (encryption keys destroyed)." : ".");
            case RESTRICTION -> "Processing is restricted in " + restrictedIn.size() + " systems (Art. 18).";
            case OBJECTION -> "The objection was recorded for " + objected.size() + " purposes (Art. 21): direct "
                    + "marketing stops (Art. 21(3)), processing on legitimate interests or a public task stops unless "
                    + "compelling legitimate grounds are shown (Art. 21(1)); " + withdrawn.size()
                    + " direct-marketing consents were withdrawn. Processing needed for a contract continues.";
            case RECTIFICATION -> "The corrected values were applied in " + rectified.stream()
                    .filter(r -> !r.fields().isEmpty()).count() + " systems (Art. 16).";
        };
    }
}
