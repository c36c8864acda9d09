package io.privacygate.ingestion.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One interaction, decrypted; holds personal data, so toString names none. */
public record InteractionView(UUID id, String purpose, String legalBasis, String channel, String kind,
                              Instant occurredAt, String text, Map<String, String> answers,
                              Map<String, String> context) {
    @Override
    public String toString() {
        return "InteractionView[id=" + id + "]";
    }
}
