package io.privacygate.consent.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * What kind of platform content a decision is about (#21 point 4): platforms' terms limit which purposes each kind may
 * serve, so a decision on a channel that has such limits names it. Lowercase on the wire.
 */
public enum SourceKind {
    COMMENT, POST, MESSAGE, MENTION, LEAD_FORM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind with this wire name; anything else is refused, never guessed. */
    @JsonCreator
    public static SourceKind fromWireName(String wireName) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a source kind"));
    }
}
