package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import io.privacygate.ingestion.model.Field;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Small readers for platform payloads, which leave out what they do not have. */
final class Json {
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT);
    private static final DateTimeFormatter X_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
    /** Epoch values above this are milliseconds (it is year 5138 in seconds). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Json() {
    }

    /** The text of a field, or null when it is missing, null or blank. Numbers are read as their text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    static String required(JsonNode node, String field, String path) {
        String value = text(node, field);
        if (value == null) {
            throw new UnsupportedPayloadException(path + field, "is required");
        }
        return value;
    }

    static JsonNode array(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new UnsupportedPayloadException(path + field, "must be an array");
        }
        return value;
    }

    static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new UnsupportedPayloadException(path.isEmpty() ? "body" : path, "must be a JSON object");
        }
    }

    /** Epoch seconds or milliseconds, as numbers or strings; the fallback when absent or unreadable. */
    static Instant epoch(JsonNode node, String field, Instant fallback) {
        JsonNode value = node.path(field);
        long epoch;
        if (value.isNumber()) {
            epoch = value.asLong();
        } else if (value.isTextual() && value.asText().matches("\\d{1,15}")) {
            epoch = Long.parseLong(value.asText());
        } else {
            return fallback;
        }
        return epoch >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
    }

    /** Graph API times, {@code 2015-02-28T08:49:14+0000}, or epoch values. */
    static Instant graphTime(JsonNode node, String field, Instant fallback) {
        String text = text(node, field);
        if (text != null && !text.matches("\\d+")) {
            try {
                return OffsetDateTime.parse(text, GRAPH_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return fallback;
            }
        }
        return epoch(node, field, fallback);
    }

    /** X's v1.1 {@code created_at}, {@code Wed Oct 10 20:19:24 +0000 2018}. */
    static Instant xTime(String text, Instant fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text, X_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    static void putIfPresent(Map<Field, String> fields, Field field, String value) {
        if (value != null) {
            fields.put(field, value);
        }
    }

    /** The named ids that are present, in order. */
    static Map<String, String> context(JsonNode node, String... fields) {
        Map<String, String> context = new LinkedHashMap<>();
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                context.put(field, value);
            }
        }
        return context;
    }
}
