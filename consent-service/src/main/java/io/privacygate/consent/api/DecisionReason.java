package io.privacygate.consent.api;

/** Why a decision came out as it did. Stable: callers may switch on these codes. */
public enum DecisionReason {
    /** Consent purpose, with a current grant for the current notice (Art. 6(1)(a)). */
    CONSENT_GRANTED(true),
    /** A purpose whose legal basis is not consent (Art. 6(1)(b)-(f)). */
    LEGAL_BASIS(true),
    UNKNOWN_PURPOSE(false),
    /** The purpose is a draft: its legal basis is not justified yet (Art. 6(1), Art. 5(2)). */
    PURPOSE_INACTIVE(false),
    /** No such subject, or erased: fail closed. */
    UNKNOWN_SUBJECT(false),
    /** The identifiers given belong to different subjects. */
    AMBIGUOUS_SUBJECT(false),
    /** Art. 18: nothing beyond storage while restricted. */
    SUBJECT_RESTRICTED(false),
    /** The purpose does not declare this channel. */
    CHANNEL_NOT_ALLOWED(false),
    /**
     * "platform-terms": the platform's terms do not let this kind of its content serve this purpose (e.g. LinkedIn
     * member data for marketing unless given through a Lead Gen form), whatever the consent (#21 point 4).
     */
    PLATFORM_TERMS(false),
    /** The subject objected to this purpose (Art. 21(1), absolutely for direct marketing, Art. 21(3)). */
    OBJECTED(false),
    /** The subject objected, and the DPO recorded compelling legitimate grounds that override it (Art. 21(1)). */
    COMPELLING_GROUNDS(true),
    /** {@code Sec-GPC: 1} on a purpose it applies to: an objection (Art. 21). */
    GPC_OBJECTION(false),
    NO_CONSENT(false),
    CONSENT_WITHDRAWN(false),
    CONSENT_DENIED(false),
    /** The grant was for an earlier notice: a new notice needs fresh consent (Art. 7, Art. 13). */
    NOTICE_CHANGED(false);

    private final boolean permits;

    DecisionReason(boolean permits) {
        this.permits = permits;
    }

    public boolean permits() {
        return permits;
    }
}
