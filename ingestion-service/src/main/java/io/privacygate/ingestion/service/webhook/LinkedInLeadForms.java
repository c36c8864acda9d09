package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.ingestion.client.LinkedInClient.LeadFormResponse;
import io.privacygate.ingestion.model.LeadData;

import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a LinkedIn lead form response with its form: each answer ({@code formResponse.answers[]}, a
 * {@code textQuestionAnswer} by {@code questionId}) is named by the form's question of that id, by its
 * {@code predefinedField} ({@code EMAIL}, {@code PHONE_NUMBER}, {@code FIRST_NAME}, {@code LAST_NAME}) where it has one,
 * else by its {@code name}; then it is read exactly as a Meta lead's {@code field_data} ({@link LeadForms}). The consent
 * checkboxes ({@code formResponse.consentResponses[]}) give the ids of those the member ticked ({@code accepted: true}).
 */
public final class LinkedInLeadForms {
    /** LinkedIn's predefined fields that are the standard questions {@link LeadForms} knows, under Meta's names. */
    private static final Map<String, String> STANDARD = Map.of("EMAIL", "email", "PHONE_NUMBER", "phone_number",
            "FIRST_NAME", "first_name", "LAST_NAME", "last_name");

    private LinkedInLeadForms() {
    }

    public static LeadData answers(LeadFormResponse lead) {
        Map<String, String> questions = new HashMap<>();
        for (JsonNode question : lead.form().path("content").path("questions")) {
            String predefined = question.path("predefinedField").asText("");
            String name = STANDARD.getOrDefault(predefined, question.path("name").asText(predefined).toLowerCase(Locale.ROOT));
            questions.put(question.path("questionId").asText(), name);
        }
        List<Map.Entry<String, String>> named = new ArrayList<>();
        for (JsonNode answer : lead.response().path("formResponse").path("answers")) {
            String name = questions.get(answer.path("questionId").asText());
            JsonNode text = answer.path("answerDetails").path("textQuestionAnswer").path("answer");
            if (name != null && !name.isBlank() && text.isValueNode()) {
                named.add(new SimpleEntry<>(name, text.asText()));
            }
        }
        return LeadForms.fromNamedAnswers(named);
    }

    /** When the member submitted the form ({@code submittedAt}, epoch milliseconds), or {@code fallback}. */
    public static Instant submittedAt(LeadFormResponse lead, Instant fallback) {
        return Json.epoch(lead.response(), "submittedAt", fallback);
    }

    /** The ids of the consent checkboxes the member ticked; an unticked one is not among them. */
    public static List<String> acceptedConsents(LeadFormResponse lead) {
        List<String> accepted = new ArrayList<>();
        for (JsonNode consent : lead.response().path("formResponse").path("consentResponses")) {
            if (consent.path("accepted").asBoolean(false) && consent.path("consentId").isValueNode()) {
                accepted.add(consent.path("consentId").asText());
            }
        }
        return accepted;
    }
}
