package io.privacygate.ingestion.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rows passed to PostgreSQL as one JSON parameter ({@code jsonb_to_recordset}), for statements that write
 * many. Statements cast the parameter to text before jsonb: a parameter the driver sees as jsonb would be
 * sent as a JSON string value.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object rows) {
        try {
            return MAPPER.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rows cannot be serialised", e);
        }
    }
}
