package io.privacygate.consent.api;

import io.privacygate.commons.identity.IdentifierType;

import java.time.Instant;

/** A decrypted identifier. Personal data: never logged. */
public record IdentifierView(IdentifierType type, String value, Instant linkedAt) {

    @Override
    public String toString() {
        return "IdentifierView[type=" + type + ", value=<redacted>]";
    }
}
