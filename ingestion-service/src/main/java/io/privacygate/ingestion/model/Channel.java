package io.privacygate.ingestion.model;

import io.privacygate.commons.identity.IdentifierType;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Locale;

/**
 * Where a person interacted. Decisions name it as their {@code channel}, so a purpose lists the channels
 * it may collect from: {@code facebook}, {@code messenger}, {@code instagram}, {@code linkedin}, {@code x}.
 */
@RegisterForReflection // part of the inbox payload, stored as JSON by hand
public enum Channel {
    FACEBOOK(IdentifierType.FACEBOOK),
    MESSENGER(IdentifierType.FACEBOOK),
    INSTAGRAM(IdentifierType.INSTAGRAM),
    LINKEDIN(IdentifierType.LINKEDIN),
    X(IdentifierType.X);

    private final IdentifierType identifierType;

    Channel(IdentifierType identifierType) {
        this.identifierType = identifierType;
    }

    /** The kind of platform id that identifies a person on this channel. */
    public IdentifierType identifierType() {
        return identifierType;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
