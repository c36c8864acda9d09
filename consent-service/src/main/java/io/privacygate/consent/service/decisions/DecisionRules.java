package io.privacygate.consent.service.decisions;

import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.consent.api.DecisionReason;
import io.privacygate.consent.api.DecisionView;
import io.privacygate.consent.model.LatestConsent;
import io.privacygate.consent.model.PurposeRule;
import io.privacygate.consent.model.SubjectState;
import io.privacygate.consent.service.objections.Art21;

/**
 * Whether a processing may happen, from state already in memory. The order of the checks is the order
 * of precedence of the reasons: a restricted subject is reported as such even without consent.
 */
public final class DecisionRules {

    private DecisionRules() {
    }

    /**
     * @param purpose null when no purpose has the key asked for
     * @param subject null when the subject is unknown or erased
     * @param withinPlatformTerms the channel's platform terms let this kind of content serve the purpose ({@link PlatformTerms})
     * @param gpc     the request carried {@code Sec-GPC: 1}
     */
    public static DecisionView decide(PurposeRule purpose, SubjectState subject, String channel, boolean withinPlatformTerms,
                                      boolean gpc) {
        boolean restricted = subject != null && subject.restricted();
        if (purpose == null) {
            return DecisionView.denied(null, DecisionReason.UNKNOWN_PURPOSE, restricted);
        }
        LegalBasis basis = purpose.legalBasis();
        // Nothing is processed on a basis that is not justified on record (Art. 6(1), Art. 5(2)).
        if (!purpose.active()) {
            return DecisionView.denied(basis, DecisionReason.PURPOSE_INACTIVE, restricted);
        }
        if (subject == null) {
            return DecisionView.denied(basis, DecisionReason.UNKNOWN_SUBJECT, false);
        }
        // Art. 18(2): a restricted subject's data may only be stored.
        if (restricted) {
            return DecisionView.denied(basis, DecisionReason.SUBJECT_RESTRICTED, true);
        }
        if (!purpose.channels().contains(channel)) {
            return DecisionView.denied(basis, DecisionReason.CHANNEL_NOT_ALLOWED, false);
        }
        // The platform's terms bind us beside the GDPR: a use they forbid is denied even with consent (#21 point 4).
        if (!withinPlatformTerms) {
            return DecisionView.denied(basis, DecisionReason.PLATFORM_TERMS, false);
        }
        // A GPC signal is a valid objection to the purposes it applies to (Art. 21(5)), whatever their basis.
        if (gpc && purpose.gpcApplies()) {
            return DecisionView.denied(basis, DecisionReason.GPC_OBJECTION, false);
        }
        Boolean overridden = subject.objections().get(purpose.key());
        // An objection counts only where Art. 21 grants one: never against a contract (or other non-Art. 21) purpose.
        if (overridden != null && Art21.applies(basis, purpose.directMarketing())) {
            if (!overridden || !Art21.groundsMayOverride(basis, purpose.directMarketing())) {
                return DecisionView.denied(basis, DecisionReason.OBJECTED, false);
            }
            return new DecisionView(true, basis, DecisionReason.COMPELLING_GROUNDS, null, false);
        }
        if (basis != LegalBasis.CONSENT) {
            return new DecisionView(true, basis, DecisionReason.LEGAL_BASIS, null, false);
        }
        LatestConsent latest = subject.latestByPurpose().get(purpose.key());
        if (latest == null) {
            return DecisionView.denied(basis, DecisionReason.NO_CONSENT, false);
        }
        DecisionReason reason = switch (latest.state()) {
            case WITHDRAWN -> DecisionReason.CONSENT_WITHDRAWN;
            case DENIED -> DecisionReason.CONSENT_DENIED;
            // Consent is informed only for the notice that was shown (Art. 4(11), Art. 7): a new notice needs a new grant.
            case GRANTED -> latest.noticeVersion().equals(purpose.noticeVersion())
                    ? DecisionReason.CONSENT_GRANTED : DecisionReason.NOTICE_CHANGED;
        };
        return new DecisionView(reason.permits(), basis, reason, latest.eventId(), false);
    }

    /** A query whose identifiers matched several subjects: nothing can be permitted for it. */
    public static DecisionView ambiguous(PurposeRule purpose) {
        return DecisionView.denied(purpose == null ? null : purpose.legalBasis(), DecisionReason.AMBIGUOUS_SUBJECT, false);
    }
}
