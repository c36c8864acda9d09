package io.privacygate.consent.api;

import io.privacygate.commons.identity.Identifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Identifiers given together belong to one person and are linked to one subject. */
public record ResolveRequest(@NotEmpty @Size(max = SubjectReference.MAX_IDENTIFIERS) List<@Valid @NotNull Identifier> identifiers) {
}
