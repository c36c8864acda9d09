package io.privacygate.ingestion.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Locale;

/** Who delivers: each platform signs its own way and has its own payload shapes. */
@RegisterForReflection // part of the inbox payload, stored as JSON by hand
public enum Platform {
    META, LINKEDIN, X;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static Platform fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
