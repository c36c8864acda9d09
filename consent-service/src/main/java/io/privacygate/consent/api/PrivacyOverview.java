package io.privacygate.consent.api;

import io.quarkus.qute.TemplateData;

import java.util.List;
import java.util.UUID;

/**
 * What a verified data subject sees in the privacy center: every purpose's notice with their current choice
 * for those based on consent, and the requests they filed here. {@code known} is false when we hold nothing
 * about the address (shown only after verification, so nobody learns it by asking).
 */
@TemplateData
public record PrivacyOverview(List<Choice> purposes, List<RequestState> requests, boolean known) {

    /** A purpose with the subject's latest event for it, if any, and when they objected to it (Art. 21), if they did. */
    @TemplateData
    public record Choice(NoticeView notice, String state, String stateLabel, String since, UUID receiptId,
                         boolean noticeCurrent, String objectedOn) {
        public boolean granted() {
            return "GRANTED".equals(state) && noticeCurrent;
        }
    }

    /** A request filed here, as dsr-service answers it to us; {@code unavailable} when it could not be asked. */
    @TemplateData
    public record RequestState(UUID id, String type, String typeLabel, String status, String statusLabel,
                               String receivedOn, String dueOn, boolean extended, boolean overdue,
                               boolean exportAvailable, String exportExpiresOn, String summary, boolean unavailable) {
    }
}
