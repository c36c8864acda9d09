package io.privacygate.consent.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.privacygate.commons.gdpr.LegalBasis;

import java.util.UUID;

/**
 * The answer to a decision: {@code reason} is a stable code; {@code consentEventId} names the event that
 * decided it when consent did; {@code restricted} is the subject's Art. 18 state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionView(boolean permitted, LegalBasis legalBasis, DecisionReason reason, UUID consentEventId,
                           boolean restricted) {

    public static DecisionView denied(LegalBasis basis, DecisionReason reason, boolean restricted) {
        return new DecisionView(false, basis, reason, null, restricted);
    }
}
