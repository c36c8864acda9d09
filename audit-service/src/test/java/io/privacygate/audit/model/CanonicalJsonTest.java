package io.privacygate.audit.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8785's own examples, for the subset the log uses. */
class CanonicalJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String canonical(String json) throws Exception {
        return new String(CanonicalJson.encode(JSON.readTree(json)), StandardCharsets.UTF_8);
    }

    @Test
    void sortsMembersByUtf16CodeUnits() throws Exception {
        // RFC 8785 §3.2.3: the sorting example.
        String input = """
                {"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                 "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",
                 "\\u00f6": "Latin Small Letter O With Diaeresis"}""";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void escapesStringsLikeJsonStringify() throws Exception {
        // RFC 8785 §3.2.4, without its floating-point numbers.
        String input = "{\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\", \"literals\": [null, true, false]}";
        assertThat(canonical(input)).isEqualTo("{\"literals\":[null,true,false],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void writesNestedObjectsAndIntegersWithoutWhitespace() throws Exception {
        assertThat(canonical("{ \"b\" : { \"y\" : 2 , \"x\" : [ 1, -3, 9007199254740991 ] }, \"a\" : \"\\u001f\\u007f\" }"))
                .isEqualTo("{\"a\":\"\\u001f\u007f\",\"b\":{\"x\":[1,-3,9007199254740991],\"y\":2}}");
    }

    @Test
    void encodesAsUtf8() throws Exception {
        assertThat(CanonicalJson.encode(JSON.readTree("\"é\""))).containsExactly('"', 0xc3, 0xa9, '"');
    }

    @Test
    void refusesWhatItDoesNotCanonicalise() {
        assertThatThrownBy(() -> canonical("{\"n\": 1.5}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canonical("{\"n\": 9007199254740993}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canonical("{\"s\": \"\\ud800\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canonical("{\"s\": \"\\udc00\\ud800\"}")).isInstanceOf(IllegalArgumentException.class);
    }
}
