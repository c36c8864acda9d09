package io.privacygate.dsr.client;

import io.privacygate.commons.identity.Identifier;

import java.util.List;

/** consent-service's {@code POST /api/v1/subjects/resolve} body. */
public record ResolveBody(List<Identifier> identifiers) {

    @Override
    public String toString() {
        return "ResolveBody[<redacted>]";
    }
}
