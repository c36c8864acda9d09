package io.privacygate.consent.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Up to {@value #MAX} decisions in one call, answered in the same order. */
public record BatchDecisionRequest(@NotEmpty @Size(max = MAX) List<@Valid @NotNull DecisionRequest> queries) {
    public static final int MAX = 500;
}
