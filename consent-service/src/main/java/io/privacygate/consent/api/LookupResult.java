package io.privacygate.consent.api;

import java.util.UUID;

/** The subject that holds the identifiers looked up. */
public record LookupResult(UUID subjectId) {
}
