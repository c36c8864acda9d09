package io.privacygate.consent.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a data subject said about one purpose. Withdrawing is as easy as granting (Art. 7(3)). */
@RegisterForReflection // part of ConsentChange, which the outbox writes by hand
public enum ConsentState {
    GRANTED, WITHDRAWN, DENIED
}
