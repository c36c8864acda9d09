package io.privacygate.audit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.privacygate.commons.audit.AuditEvent;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact bytes a leaf hashes: the event as a JSON object, canonicalised by RFC 8785 (JCS). Members are
 * the ten fields of {@link AuditEvent}; a field without a value is left out, except {@code details}, which
 * is always there ({@code {}} when empty); {@code occurredAt} is ISO-8601 UTC as {@link Instant#toString()}
 * writes it. Stored bytes are never re-encoded: they are the record, and an event is read back from them.
 */
public final class LeafCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper READER = new ObjectMapper();

    private LeafCodec() {
    }

    /** @throws IllegalArgumentException if a string cannot be canonicalised (an unpaired surrogate) */
    public static byte[] encode(AuditEvent event) {
        ObjectNode json = NODES.objectNode();
        put(json, "eventId", event.eventId());
        put(json, "occurredAt", event.occurredAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        put(json, "service", event.service());
        put(json, "actor", event.actor());
        put(json, "action", event.action());
        put(json, "subjectRef", event.subjectRef());
        put(json, "purpose", event.purpose());
        put(json, "legalBasis", event.legalBasis());
        put(json, "outcome", event.outcome());
        ObjectNode details = json.putObject("details");
        if (event.details() != null) {
            event.details().forEach(details::put);
        }
        return CanonicalJson.encode(json);
    }

    /** @throws IllegalArgumentException if the bytes are not a leaf this codec wrote */
    public static AuditEvent decode(byte[] leafData) {
        try {
            JsonNode json = READER.readTree(leafData);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("A leaf is not a JSON object");
            }
            Map<String, String> details = new LinkedHashMap<>();
            json.path("details").properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
            String occurredAt = text(json, "occurredAt");
            return new AuditEvent(text(json, "eventId"), occurredAt == null ? null : Instant.parse(occurredAt),
                    text(json, "service"), text(json, "actor"), text(json, "action"), text(json, "subjectRef"),
                    text(json, "purpose"), text(json, "legalBasis"), text(json, "outcome"), details);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("A leaf cannot be read as an event", e);
        }
    }

    private static void put(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
