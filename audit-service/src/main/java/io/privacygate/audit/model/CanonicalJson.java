package io.privacygate.audit.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) for the values a log entry holds: objects, arrays, strings,
 * integers, booleans and null. Members are sorted by their names' UTF-16 code units (which is what
 * {@link String#compareTo} compares), strings are escaped as ECMAScript's JSON.stringify does, and there is
 * no whitespace. Non-integral numbers are refused rather than given ECMAScript's double formatting: no
 * leaf carries one, and refusing is safer than a half-implemented number serialiser. Integers are limited
 * to ±2^53, the I-JSON range, where ECMAScript prints them as plain digits.
 */
public final class CanonicalJson {
    private static final BigInteger MAX_SAFE_INTEGER = BigInteger.TWO.pow(53).subtract(BigInteger.ONE);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** @throws IllegalArgumentException for a value JCS does not allow (or this subset does not cover) */
    public static byte[] encode(JsonNode value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode value, StringBuilder out) {
        switch (value.getNodeType()) {
            case OBJECT -> writeObject(value, out);
            case ARRAY -> writeArray(value, out);
            case STRING -> writeString(value.textValue(), out);
            case BOOLEAN -> out.append(value.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> writeInteger(value, out);
            default -> throw new IllegalArgumentException("JSON has no " + value.getNodeType() + " values");
        }
    }

    private static void writeObject(JsonNode object, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.size());
        object.properties().forEach(members::add);
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(members.get(i).getKey(), out);
            out.append(':');
            write(members.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode array, StringBuilder out) {
        out.append('[');
        Iterator<JsonNode> items = array.elements();
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(items.next(), out);
        }
        out.append(']');
    }

    private static void writeInteger(JsonNode number, StringBuilder out) {
        if (!number.isIntegralNumber()) {
            throw new IllegalArgumentException("Only integers are supported in canonical JSON here");
        }
        BigInteger value = number.bigIntegerValue();
        if (value.abs().compareTo(MAX_SAFE_INTEGER) > 0) {
            throw new IllegalArgumentException("An integer is outside the I-JSON range of ±2^53");
        }
        out.append(value);
    }

    /** RFC 8785 §3.2.2.2: only '"', '\\' and the controls below U+0020 are escaped; the rest is UTF-8 as is. */
    static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isSurrogate(c)) {
                        if (!Character.isHighSurrogate(c) || i + 1 >= text.length()
                                || !Character.isLowSurrogate(text.charAt(i + 1))) {
                            throw new IllegalArgumentException("A string holds an unpaired UTF-16 surrogate");
                        }
                        out.append(c).append(text.charAt(++i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
