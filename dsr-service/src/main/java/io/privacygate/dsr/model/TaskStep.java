package io.privacygate.dsr.model;

/** One step of answering a request, each an idempotent call to one system. */
public enum TaskStep {
    /** Find the subject of the identifiers in consent-service, without creating one. Runs before verification. */
    RESOLVE,
    /** {@code GET /dsr/v1/subjects/{id}} on a participant. */
    EXPORT,
    /** {@code DELETE /dsr/v1/subjects/{id}} on a participant. */
    ERASE,
    /** {@code PUT /dsr/v1/subjects/{id}/restriction} on a participant. */
    RESTRICT,
    /** {@code PUT /dsr/v1/subjects/{id}/restriction} with {@code restricted: false}: Art. 18 restriction lifted. */
    UNRESTRICT,
    /** {@code PATCH /dsr/v1/subjects/{id}} on a participant. */
    RECTIFY,
    /** The purposes the subject's data was processed for, from the processing history. */
    HISTORY,
    /** A snapshot of the register of processing activities (Art. 30) from consent-service. */
    PURPOSES,
    /** Art. 21(3): withdraw every direct-marketing purpose in consent-service. */
    WITHDRAW_MARKETING,
    /**
     * Art. 21: an objection recorded in consent-service to every purpose of the register it applies to (legitimate
     * interests, public task, direct marketing), never to contract or other bases.
     */
    OBJECT
}
