package io.privacygate.dsr.api;

import java.util.UUID;

/** consent-service's answer to a lookup: the one subject holding the identifiers. */
public record LookupResult(UUID subjectId) {
}
