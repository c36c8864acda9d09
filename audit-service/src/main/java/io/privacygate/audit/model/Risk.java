package io.privacygate.audit.model;

/** The controller's assessment of a breach's risk to the rights and freedoms of natural persons. */
public enum Risk {
    /** Art. 33(1): no notification to the authority; the breach is still documented (Art. 33(5)). */
    UNLIKELY,
    /** Art. 33(1): the authority is notified within 72 hours of awareness. */
    RISK,
    /** Art. 34(1): the subjects are told as well, without undue delay, unless Art. 34(3) applies. */
    HIGH
}
