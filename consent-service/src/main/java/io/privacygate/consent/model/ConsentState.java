package io.privacygate.consent.model;

/** What a data subject said about one purpose. Withdrawing is as easy as granting (Art. 7(3)). */
public enum ConsentState {
    GRANTED, WITHDRAWN, DENIED
}
