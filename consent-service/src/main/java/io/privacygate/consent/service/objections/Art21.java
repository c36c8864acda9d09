package io.privacygate.consent.service.objections;

import io.privacygate.commons.gdpr.LegalBasis;

/** Where Art. 21 gives the subject a right to object, and what can override it. */
public final class Art21 {

    private Art21() {
    }

    /**
     * Art. 21(1): processing on Art. 6(1)(e) or (f); Art. 21(2): direct marketing, whatever its basis. A purpose on
     * contract, legal obligation, vital interests or consent (withdrawn instead, Art. 7(3)) is not subject to it.
     */
    public static boolean applies(LegalBasis basis, boolean directMarketing) {
        return directMarketing || basis == LegalBasis.LEGITIMATE_INTERESTS || basis == LegalBasis.PUBLIC_TASK;
    }

    /** Art. 21(3): compelling grounds never override an objection to direct marketing. */
    public static boolean groundsMayOverride(LegalBasis basis, boolean directMarketing) {
        return !directMarketing && applies(basis, false);
    }
}
