package io.privacygate.dsr.api;

import io.privacygate.commons.identity.Identifier;

import java.util.List;

/** consent-service's {@code POST /api/v1/subjects/lookup} body: the identifiers to find a subject by. */
public record LookupBody(List<Identifier> identifiers) {

    @Override
    public String toString() {
        return "LookupBody[<redacted>]";
    }
}
