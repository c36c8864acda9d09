package io.privacygate.dsr.model;

/** How a closed request was answered; the answer to the subject is built from it. */
public enum Outcome {
    /** Every participant did what was asked. */
    FULFILLED,
    /** Done, but some data is kept on a ground of Art. 17(3) that each participant names. */
    PARTIALLY_FULFILLED,
    /** The identifiers belong to no known subject: nothing is held, and the answer says so. */
    NO_DATA_HELD,
    /** Refused by an operator, with a reason (Art. 12(4)–(6)). */
    REFUSED,
    /** The requester's identity was never verified within the configured time (Art. 12(6)). */
    CLOSED_UNVERIFIED
}
