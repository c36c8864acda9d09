package io.privacygate.consent.model;

/** Whether a purpose version may be processed: a draft until its legal basis is justified (Art. 6(1), Art. 5(2)). */
public enum PurposeStatus {
    DRAFT,
    ACTIVE
}
