package io.privacygate.dsr.api;

import io.privacygate.commons.identity.Identifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Finds the requests a person filed, by their identifiers (in a body, so that they stay out of URLs and logs). */
public record SearchRequest(@NotEmpty @Size(max = CreateRequest.MAX_IDENTIFIERS) List<@Valid @NotNull Identifier> identifiers) {
}
