package io.privacygate.commons.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Locale;

/** The kinds of identifier a data subject is known by. On the wire they are lower case. */
@RegisterForReflection // part of stored JSON: inbox payloads, rectifications
public enum IdentifierType {
    EMAIL, PHONE, FACEBOOK, INSTAGRAM, LINKEDIN, X;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static IdentifierType fromWire(String value) {
        return IdentifierType.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
