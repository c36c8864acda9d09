package io.privacygate.commons.dsr;

import io.privacygate.commons.identity.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.Map;

/**
 * Corrected data for a subject (Art. 16): identifiers to replace those of the same type, and named
 * fields (e.g. {@code name}) that each participant applies where it holds them.
 */
@RegisterForReflection // dsr-service keeps it encrypted as JSON until the fan-out reads it back
public record RectificationRequest(List<@NotNull @Valid Identifier> identifiers, Map<String, String> fields) {

    @Override
    public String toString() {
        return "RectificationRequest[<redacted>]";
    }
}
