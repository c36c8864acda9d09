package io.privacygate.consent.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Many people to resolve at once, each entry as in {@link ResolveRequest}; resolved in order, in one transaction. */
public record BatchResolveRequest(@NotEmpty @Size(max = MAX_PEOPLE) List<@Valid @NotNull ResolveRequest> people) {
    /** One ingestion round's new people fit in a few calls; a bigger batch would hold its locks too long. */
    public static final int MAX_PEOPLE = 500;
}
