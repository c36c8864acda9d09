package io.privacygate.ingestion.model;

/** What a person did; the configuration maps each kind to the purpose it serves. */
public enum EventKind {
    COMMENT, MENTION, POST, DIRECT_MESSAGE, LEAD_FORM
}
