package io.privacygate.ingestion.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/** The part of an interaction encrypted under the subject's key: what was said, answered, and where. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection // encrypted as JSON by hand, read back for the CRM API and exports
public record InteractionContent(String text, Map<String, String> answers, Map<String, String> context) {

    @Override
    public String toString() {
        return "InteractionContent[<redacted>]";
    }
}
