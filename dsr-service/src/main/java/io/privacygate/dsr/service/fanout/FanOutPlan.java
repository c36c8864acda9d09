package io.privacygate.dsr.service.fanout;

import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.model.TaskStep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Which steps answer a request: one per participant for the right exercised, plus what the answer needs. */
public final class FanOutPlan {
    /** The name under which steps against consent-service's own API (not the participant contract) are listed. */
    public static final String CONSENT = "consent-service";

    private FanOutPlan() {
    }

    public record Step(TaskStep step, String participant) {
    }

    /**
     * @param participants     every configured participant
     * @param historyParticipant the participant whose records are the processing history
     */
    public static List<Step> plan(RequestType type, Collection<String> participants, String historyParticipant) {
        List<Step> steps = new ArrayList<>();
        // An objection is per purpose (Art. 21), recorded where the purposes are: it never restricts a participant
        // as a whole, which would stop contract-based processing that Art. 21 gives no right to object to.
        if (type != RequestType.OBJECTION) {
            TaskStep perParticipant = switch (type) {
                case ACCESS, PORTABILITY -> TaskStep.EXPORT;
                case ERASURE -> TaskStep.ERASE;
                case RESTRICTION -> TaskStep.RESTRICT;
                case RECTIFICATION -> TaskStep.RECTIFY;
                case OBJECTION -> throw new IllegalStateException("an objection has no step per participant");
            };
            participants.forEach(name -> steps.add(new Step(perParticipant, name)));
        }
        // Art. 15(1)(a)-(d) and Art. 19 both need the register: purposes, recipients, retention.
        steps.add(new Step(TaskStep.PURPOSES, CONSENT));
        if (type.notifiesRecipients()) {
            // Art. 19 names the recipients of the purposes the data was processed for, found in the history.
            steps.add(new Step(TaskStep.HISTORY, historyParticipant));
        }
        if (type == RequestType.OBJECTION) {
            steps.add(new Step(TaskStep.OBJECT, CONSENT));
            steps.add(new Step(TaskStep.WITHDRAW_MARKETING, CONSENT));
        }
        return List.copyOf(steps);
    }
}
