package io.privacygate.dsr.model;

/** The rights a data subject may exercise through a request (Art. 15–18, 20, 21 GDPR). */
public enum RequestType {
    /** Art. 15: a copy of the data and the information about its processing. */
    ACCESS,
    /** Art. 20: the data in a structured, machine-readable format. */
    PORTABILITY,
    /** Art. 16: inaccurate data corrected. */
    RECTIFICATION,
    /** Art. 17: erasure. */
    ERASURE,
    /** Art. 18: restriction of processing. */
    RESTRICTION,
    /** Art. 21: objection, in particular to direct marketing (Art. 21(2)–(3)). */
    OBJECTION;

    /** Whether answering produces a package for the subject (Art. 15(3), Art. 20(1)). */
    public boolean exports() {
        return this == ACCESS || this == PORTABILITY;
    }

    /** Art. 19: rectification, erasure and restriction are communicated to every recipient. */
    public boolean notifiesRecipients() {
        return this == RECTIFICATION || this == ERASURE || this == RESTRICTION;
    }
}
