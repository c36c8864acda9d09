package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.ingestion.model.Field;
import io.privacygate.ingestion.model.LeadData;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a lead's answers by question name: the {@code field_data} array of Meta's Graph API lead object,
 * {@code [{"name":"email","values":["..."]}, ...]}, and LinkedIn's answers named by their form's questions
 * ({@link LinkedInLeadForms}). The standard questions become identifiers and contact fields; any other question is kept
 * as an answer under its name.
 */
public final class LeadForms {
    private LeadForms() {
    }

    public static LeadData fromFieldData(JsonNode fieldData) {
        if (!fieldData.isArray()) {
            throw new UnsupportedPayloadException("field_data", "must be an array of {name, values}");
        }
        List<Map.Entry<String, String>> named = new ArrayList<>();
        for (JsonNode item : fieldData) {
            String value = first(item.path("values"));
            if (value != null) {
                named.add(new SimpleEntry<>(item.path("name").asText(""), value));
            }
        }
        return fromNamedAnswers(named);
    }

    /** Answers as (question name, answer) in the form's order; blank names and answers are left out. */
    static LeadData fromNamedAnswers(List<Map.Entry<String, String>> named) {
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Map<String, String> answers = new LinkedHashMap<>();
        String firstName = null;
        String lastName = null;
        for (Map.Entry<String, String> answer : named) {
            String name = answer.getKey().toLowerCase(Locale.ROOT);
            String value = answer.getValue();
            if (name.isBlank() || value == null || value.isBlank()) {
                continue;
            }
            switch (name) {
                case "email" -> fields.put(Field.EMAIL, value);
                case "phone_number", "phone" -> fields.put(Field.PHONE, value);
                case "full_name" -> fields.put(Field.NAME, value);
                case "first_name" -> firstName = value;
                case "last_name" -> lastName = value;
                default -> answers.put(name, value);
            }
        }
        if (!fields.containsKey(Field.NAME) && (firstName != null || lastName != null)) {
            fields.put(Field.NAME, String.join(" ", nonNull(firstName, lastName)));
        }
        List<Identifier> identifiers = new ArrayList<>();
        if (fields.containsKey(Field.EMAIL)) {
            identifiers.add(new Identifier(IdentifierType.EMAIL, fields.get(Field.EMAIL)));
        }
        if (fields.containsKey(Field.PHONE)) {
            identifiers.add(new Identifier(IdentifierType.PHONE, fields.get(Field.PHONE)));
        }
        return new LeadData(identifiers, fields, answers);
    }

    private static String first(JsonNode values) {
        if (values.isArray() && !values.isEmpty() && values.get(0).isValueNode()) {
            String value = values.get(0).asText();
            return value.isBlank() ? null : value;
        }
        return null;
    }

    private static List<String> nonNull(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null) {
                present.add(part);
            }
        }
        return present;
    }
}
