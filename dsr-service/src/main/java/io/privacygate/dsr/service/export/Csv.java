package io.privacygate.dsr.service.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.web.CsvTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A participant's record set (flat rows of named values) as a CSV table: a header of every column in order of first
 * appearance, one line a row, nested values written as JSON. {@link CsvTable} writes it (RFC 4180, formula guard);
 * the JSON beside it in the package keeps the exact values.
 */
public final class Csv {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private Csv() {
    }

    public static String write(List<Map<String, Object>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        List<List<String>> lines = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>(columns.size());
            for (String column : columns) {
                cells.add(text(row.get(column)));
            }
            lines.add(cells);
        }
        return CsvTable.write(List.copyOf(columns), lines);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A nested value cannot be written as JSON", e);
            }
        }
        return value.toString();
    }
}
