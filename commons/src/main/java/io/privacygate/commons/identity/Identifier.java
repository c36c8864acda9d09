package io.privacygate.commons.identity;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An identifier of a data subject as received. Its value is personal data: never log it. */
@RegisterForReflection // part of stored JSON: inbox payloads, rectifications
public record Identifier(@NotNull IdentifierType type, @NotBlank @Size(max = 320) String value) {

    @Override
    public String toString() {
        return "Identifier[type=" + type + ", value=<redacted>]";
    }
}
