package io.privacygate.audit.model;

/** Why the subjects of a high-risk breach were not told (Art. 34(3)). */
public enum Exemption {
    /** (a): the data affected was unintelligible to anyone not authorised to access it, such as by encryption. */
    DATA_UNINTELLIGIBLE,
    /** (b): measures taken afterwards ensure the high risk is no longer likely to materialise. */
    RISK_NO_LONGER_LIKELY,
    /** (c): telling each would take disproportionate effort; a public communication informs them instead. */
    DISPROPORTIONATE_EFFORT
}
