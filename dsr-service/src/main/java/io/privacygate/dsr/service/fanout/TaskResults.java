package io.privacygate.dsr.service.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.dsr.api.PurposeInfo;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The JSON kept in a task's {@code result} column, one shape per step, read and written in one place.
 * A participant that holds nothing about the subject (404) is recorded as {@code {"heldNoData":true}}.
 */
@ApplicationScoped
public class TaskResults {
    static final String HELD_NO_DATA = "{\"heldNoData\":true}";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<PurposeInfo>> PURPOSES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    TaskResults(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A task result cannot be serialised", e);
        }
    }

    public boolean heldNoData(String result) {
        return HELD_NO_DATA.equals(result);
    }

    public ErasureReceipt receipt(String result) {
        return read(result, ErasureReceipt.class);
    }

    public RectificationResult rectification(String result) {
        return read(result, RectificationResult.class);
    }

    public DsrExport export(String decrypted) {
        return read(decrypted, DsrExport.class);
    }

    public List<String> strings(String result) {
        return read(result, STRINGS);
    }

    public List<PurposeInfo> purposes(String result) {
        return read(result, PURPOSES);
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored task result is unreadable", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored task result is unreadable", e);
        }
    }
}
