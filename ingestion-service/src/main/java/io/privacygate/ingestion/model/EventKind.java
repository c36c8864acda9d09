package io.privacygate.ingestion.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a person did; the configuration maps each kind to the purpose it serves. */
@RegisterForReflection // part of the inbox payload, stored as JSON by hand
public enum EventKind {
    COMMENT("comment"), MENTION("mention"), POST("post"), DIRECT_MESSAGE("message"), LEAD_FORM("lead-form");

    private final String sourceKind;

    EventKind(String sourceKind) {
        this.sourceKind = sourceKind;
    }

    /**
     * The decision's {@code sourceKind} (contract C1, issue 21 point 4): a platform's terms limit the purposes its data may
     * serve per kind of source, so consent-service is told which kind of item the data came from.
     */
    public String sourceKind() {
        return sourceKind;
    }
}
