package io.privacygate.ingestion.model;

import io.privacygate.commons.identity.Identifier;

import java.util.List;
import java.util.Map;

/**
 * A lead's answers as Meta's Graph API gives them in {@code field_data}: the standard questions as identifiers and
 * contact fields, any other question as an answer under its name.
 */
public record LeadData(List<Identifier> identifiers, Map<Field, String> fields, Map<String, String> answers) {

    @Override
    public String toString() {
        return "LeadData[fields=" + fields.keySet() + ", answers=" + answers.size() + "]";
    }
}
