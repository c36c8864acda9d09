package io.privacygate.ingestion.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a person did; the configuration maps each kind to the purpose it serves. */
@RegisterForReflection // part of the inbox payload, stored as JSON by hand
public enum EventKind {
    COMMENT, MENTION, POST, DIRECT_MESSAGE, LEAD_FORM
}
