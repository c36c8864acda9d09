package io.privacygate.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Sends every operation of a running service's OpenAPI document ({@code /q/openapi?format=json}) the input an attacker
 * would: bad path, query and header values (a NUL byte, very long values, {@code ..}, unicode, invalid UTF-8, wrong
 * types), missing, empty, truncated, deeply nested (10,000 levels) and huge bodies (declared and chunked), every field of
 * the request schema with values of the wrong JSON type, arrays one longer than their documented {@code maxItems}, and
 * header fields past the header limit. Secured operations get a token holding every role the operation grants (with
 * the calling client's {@code azp} where one is configured for the path), so that the input gets past the role check;
 * platform webhooks get each body unsigned and, where a signer is configured, signed.
 * <p>
 * Every answer must hold: no 5xx (a 503 {@code dependency-unavailable}, a peer that the test does not run, is counted
 * apart), {@code application/problem+json} on every 4xx, no stack trace or Java class name in any body, and no
 * submitted value echoed in an error: each bad value carries a marker that the error body must not contain.
 */
public final class HostileInputProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String PROBLEM = "application/problem+json";
    private static final String DEPENDENCY_UNAVAILABLE = "urn:privacy-gate:problem:dependency-unavailable";
    private static final String MARKER = "hx";
    private static final int NESTING = 10_000;
    private static final long DECLARED_HUGE = 64L * 1024 * 1024;
    private static final int STREAMED_HUGE = 9 * 1024 * 1024;
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w.$/]+\\(");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|io|org|com|sun|jdk)\\.(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*|\\b[A-Z]\\w*Exception\\b");

    private final URI base;
    private final RawHttp http;
    private final Map<String, String> callers = new LinkedHashMap<>();
    private final Map<String, Function<byte[], Map<String, String>>> signers = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private JsonNode document;
    private int requests;
    private int operations;
    private int peerUnavailable;

    private HostileInputProbe(URI base) {
        this.base = base;
        this.http = RawHttp.to(base);
    }

    public static HostileInputProbe against(URI base) {
        return new HostileInputProbe(base);
    }

    /** Tokens for operations under the path prefix are the given client's (its {@code azp}), as service-only calls are. */
    public HostileInputProbe callerOf(String pathPrefix, String clientId) {
        callers.put(pathPrefix, clientId);
        return this;
    }

    /** Bodies sent to operations under the path prefix are also sent signed, with the headers the signer returns. */
    public HostileInputProbe signer(String pathPrefix, Function<byte[], Map<String, String>> signer) {
        signers.put(pathPrefix, signer);
        return this;
    }

    /** What the probe sent and found. */
    public record Report(int operations, int requests, int peerUnavailable, List<String> violations) {
        public void assertClean() {
            if (!violations.isEmpty()) {
                throw new AssertionError(violations.size() + " of " + requests + " hostile requests got a wrong answer:\n  "
                        + String.join("\n  ", violations));
            }
        }

        @Override
        public String toString() {
            return "hostile input: " + operations + " operations, " + requests + " requests, " + violations.size()
                    + " wrong answers, " + peerUnavailable + " answered 503 dependency-unavailable (peer not running)";
        }
    }

    public Report run() {
        RawHttp.Answer answer = http.send("GET", "/q/openapi?format=json", Map.of("Accept", "application/json"), null, 0);
        try {
            document = JSON.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("The OpenAPI document of " + base + " is not JSON", e);
        }
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    operations++;
                    probe(operation(method.getKey().toUpperCase(), path.getKey(), path.getValue(), method.getValue()));
                }
            }
        }
        return new Report(operations, requests, peerUnavailable, List.copyOf(violations));
    }

    private record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    private record Operation(String method, String template, List<Parameter> parameters, String mediaType,
                             JsonNode bodySchema, String token, Function<byte[], Map<String, String>> signer) {
        String name() {
            return method + " " + template;
        }
    }

    private Operation operation(String method, String template, JsonNode pathItem, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : source) {
                JsonNode resolved = resolve(parameter);
                parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                        resolve(resolved.path("schema")), resolved.path("required").asBoolean(false)));
            }
        }
        String mediaType = null;
        JsonNode bodySchema = null;
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        if (content.isObject() && !content.isEmpty()) {
            Map.Entry<String, JsonNode> first = content.properties().iterator().next();
            mediaType = first.getKey();
            bodySchema = resolve(first.getValue().path("schema"));
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : operation.path("security")) {
            requirement.properties().forEach(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText())));
        }
        String token = null;
        if (operation.path("security").size() > 0) {
            String[] granted = roles.toArray(String[]::new);
            String caller = matching(callers, template);
            token = caller == null ? TestTokens.user(granted) : TestTokens.service(caller, granted);
        }
        return new Operation(method, template, parameters, mediaType, bodySchema, token, matching(signers, template));
    }

    private static <T> T matching(Map<String, T> byPrefix, String template) {
        return byPrefix.entrySet().stream().filter(entry -> template.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    // ---- what is sent

    private void probe(Operation operation) {
        send(operation, "valid placeholders", Map.of(), "", Map.of(), sampleBody(operation), null);
        for (Parameter parameter : operation.parameters()) {
            switch (parameter.in()) {
                case "path" -> badTargetValues(true).forEach((name, value) ->
                        send(operation, "path " + parameter.name() + " = " + name, Map.of(parameter.name(), value.raw()), "",
                                Map.of(), sampleBody(operation), value.marker()));
                case "query" -> badTargetValues(false).forEach((name, value) ->
                        send(operation, "query " + parameter.name() + " = " + name, Map.of(),
                                encodedName(parameter.name()) + "=" + value.raw(), Map.of(), sampleBody(operation), value.marker()));
                case "header" -> badHeaderValues().forEach((name, value) ->
                        send(operation, "header " + parameter.name() + " = " + name, Map.of(), "",
                                Map.of(parameter.name(), value.raw()), sampleBody(operation), value.marker()));
                default -> {
                }
            }
        }
        send(operation, "header fields past the limit", Map.of(), "", Map.of("X-Probe-Filler", "f".repeat(30 * 1024)),
                sampleBody(operation), null);
        if (operation.mediaType() != null) {
            badBodies(operation);
        }
    }

    /** A value as it goes on the wire (already percent-encoded where it is part of the target) and its marker. */
    private record Bad(String raw, String marker) {
        static Bad plain(String raw) {
            return new Bad(raw, null);
        }
    }

    private static String marker() {
        return MARKER + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static Map<String, Bad> badTargetValues(boolean path) {
        Map<String, Bad> values = new LinkedHashMap<>();
        String m = marker();
        values.put("NUL byte", new Bad(m + "%00", m));
        values.put("NUL alone", Bad.plain("%00"));
        m = marker();
        values.put("3,000 characters", new Bad(m + "x".repeat(3000), m));
        values.put("past the target limit", Bad.plain("x".repeat(6000)));
        values.put("..", Bad.plain(".."));
        values.put("encoded ..", Bad.plain("%2e%2e"));
        values.put("encoded traversal", Bad.plain("..%2F..%2Fetc%2Fpasswd"));
        m = marker();
        values.put("unicode", new Bad(m + "%F0%9F%98%80%C3%A9%E2%80%AE", m));
        values.put("invalid UTF-8", Bad.plain("%FF%FE%C0%80"));
        values.put("encoded percent", Bad.plain("%25"));
        values.put("space", Bad.plain("%20"));
        values.put("negative", Bad.plain("-1"));
        values.put("past a long", Bad.plain("99999999999999999999"));
        values.put("int max", Bad.plain("2147483647"));
        values.put("fraction", Bad.plain("1.5"));
        values.put("exponent", Bad.plain("1e400"));
        m = marker();
        values.put("wrong type", new Bad("not-a-uuid-" + m, m));
        if (!path) {
            values.put("empty", Bad.plain(""));
            values.put("boolean", Bad.plain("true"));
            values.put("int min", Bad.plain("-2147483648"));
        }
        return values;
    }

    private static Map<String, Bad> badHeaderValues() {
        Map<String, Bad> values = new LinkedHashMap<>();
        String m = marker();
        values.put("3,000 characters", new Bad(m + "x".repeat(3000), m));
        m = marker();
        values.put("wrong type", new Bad("not-a-value-" + m, m));
        values.put("negative", Bad.plain("-1"));
        values.put("past a long", Bad.plain("99999999999999999999"));
        values.put("empty", Bad.plain(""));
        return values;
    }

    private void badBodies(Operation operation) {
        boolean json = operation.mediaType().contains("json") && !operation.mediaType().contains("ndjson");
        byte[] sample = sampleBody(operation);
        String m = marker();
        send(operation, "body: none", Map.of(), "", Map.of(), null, null, 0);
        body(operation, "empty body", new byte[0], null);
        body(operation, "not JSON", utf8("{" + m + " not json"), m);
        body(operation, "truncated", sample == null ? utf8("{\"") : Arrays.copyOf(sample, Math.max(1, sample.length / 2)), null);
        body(operation, "JSON null", utf8("null"), null);
        m = marker();
        body(operation, "a string", utf8("\"" + m + "\""), m);
        body(operation, "an array", utf8("[]"), null);
        body(operation, "a number", utf8("99999999999999999999e99999"), null);
        body(operation, "10,000 nested arrays", utf8("[".repeat(NESTING) + "]".repeat(NESTING)), null);
        body(operation, "10,000 nested objects", utf8("{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING)), null);
        m = marker();
        body(operation, "a string with a NUL", utf8("\"" + m + "\\u0000\""), m);
        if ("application/x-www-form-urlencoded".equals(operation.mediaType())) {
            formBodies(operation);
        }
        declaredHuge(operation);
        streamedHuge(operation);
        if (json && operation.bodySchema() != null && sample != null) {
            JsonNode valid = readTree(sample);
            wrongTypes(operation, valid, operation.bodySchema(), "", 0, UnaryOperator.identity());
        }
    }

    private void formBodies(Operation operation) {
        for (Map.Entry<String, JsonNode> field : operation.bodySchema().path("properties").properties()) {
            badTargetValues(false).forEach((name, value) -> body(operation, "form " + field.getKey() + " = " + name,
                    utf8(encodedName(field.getKey()) + "=" + value.raw()), value.marker()));
        }
    }

    private void declaredHuge(Operation operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", operation.mediaType());
        headers.put("Content-Length", String.valueOf(DECLARED_HUGE));
        send(operation, "64 MiB declared, none sent", Map.of(), "", headers, null, null, 0);
    }

    private void streamedHuge(Operation operation) {
        byte[] huge = new byte[STREAMED_HUGE];
        huge[0] = '[';
        for (int i = 1; i < huge.length - 1; i += 2) {
            huge[i] = '1';
            huge[i + 1] = ',';
        }
        huge[huge.length - 2] = '1';
        huge[huge.length - 1] = ']';
        send(operation, "9 MiB chunked", Map.of(), "", Map.of("Content-Type", operation.mediaType()), huge, null, 64 * 1024);
    }

    /**
     * Each field in turn gets values of every other JSON type; arrays also get one element past their maxItems. Fields of
     * nested objects (and of an array's first object) are mutated inside a copy of the whole valid body ({@code embed}).
     */
    private void wrongTypes(Operation operation, JsonNode valid, JsonNode schema, String path, int depth,
                            UnaryOperator<JsonNode> embed) {
        if (depth > 3 || !valid.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String field = property.getKey();
            JsonNode fieldSchema = resolve(property.getValue());
            String fieldPath = path.isEmpty() ? field : path + "." + field;
            for (Map.Entry<String, JsonNode> wrong : wrongValues(fieldSchema).entrySet()) {
                String marker = markerIn(wrong.getValue());
                body(operation, fieldPath + " = " + wrong.getKey(), write(embed.apply(with(valid, field, wrong.getValue()))), marker);
            }
            JsonNode value = valid.path(field);
            if ("array".equals(type(fieldSchema)) && fieldSchema.has("maxItems")) {
                int maxItems = fieldSchema.path("maxItems").asInt();
                JsonNode item = value.isArray() && !value.isEmpty() ? value.get(0) : sample(fieldSchema.path("items"), 0);
                ArrayNode oversized = NODES.arrayNode();
                for (int i = 0; i <= maxItems; i++) {
                    oversized.add(item.deepCopy());
                }
                body(operation, fieldPath + " with maxItems + 1 items", write(embed.apply(with(valid, field, oversized))), null);
            }
            if (value.isObject()) {
                wrongTypes(operation, value, fieldSchema, fieldPath, depth + 1,
                        inner -> embed.apply(with(valid, field, inner)));
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                wrongTypes(operation, value.get(0), resolve(fieldSchema.path("items")), fieldPath + "[0]", depth + 1,
                        inner -> embed.apply(with(valid, field, replaceFirst(value, inner))));
            }
        }
    }

    /** The marker a wrong value carries (in a string, an array's string or an object's field name), if any. */
    private static String markerIn(JsonNode value) {
        String text = value.isTextual() ? value.asText()
                : value.isArray() && !value.isEmpty() ? value.get(0).asText()
                : value.isObject() && !value.isEmpty() ? value.fieldNames().next() : "";
        return text.startsWith(MARKER) ? text.substring(0, MARKER.length() + 8) : null;
    }

    private static ObjectNode with(JsonNode object, String field, JsonNode value) {
        ObjectNode copy = ((ObjectNode) object).deepCopy();
        copy.set(field, value);
        return copy;
    }

    private static ArrayNode replaceFirst(JsonNode array, JsonNode first) {
        ArrayNode copy = ((ArrayNode) array).deepCopy();
        copy.set(0, first);
        return copy;
    }

    private static Map<String, JsonNode> wrongValues(JsonNode schema) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        String type = type(schema);
        values.put("null", NODES.nullNode());
        if (!"string".equals(type)) {
            values.put("a string", NODES.textNode(marker()));
        } else {
            values.put("empty", NODES.textNode(""));
            String m = marker();
            values.put("a NUL character", NODES.textNode(m + "\u0000"));
            values.put("5,000 characters", NODES.textNode(marker() + "y".repeat(5000)));
            values.put("unicode", NODES.textNode(marker() + "\uD83D\uDE00\u202E\u00E9"));
        }
        if (!"integer".equals(type) && !"number".equals(type)) {
            values.put("a number", NODES.numberNode(12345));
        } else {
            values.put("past a long", NODES.numberNode(new BigInteger("99999999999999999999")));
            values.put("a huge exponent", NODES.numberNode(new BigDecimal("1e400")));
            values.put("negative", NODES.numberNode(-1));
            values.put("a fraction", NODES.numberNode(1.5));
        }
        if (!"boolean".equals(type)) {
            values.put("a boolean", NODES.booleanNode(true));
        }
        if (!"array".equals(type)) {
            values.put("an array", NODES.arrayNode().add(marker()));
        } else {
            values.put("an array of nulls", NODES.arrayNode().addNull());
        }
        if (!"object".equals(type)) {
            values.put("an object", NODES.objectNode().put(marker(), 1));
        }
        return values;
    }

    private void body(Operation operation, String name, byte[] body, String marker) {
        send(operation, "body: " + name, Map.of(), "", Map.of("Content-Type", operation.mediaType()), body, marker, 0);
    }

    private void send(Operation operation, String name, Map<String, String> pathValues, String query,
                      Map<String, String> headers, byte[] body, String marker) {
        Map<String, String> withType = new LinkedHashMap<>(headers);
        if (body != null && operation.mediaType() != null) {
            withType.putIfAbsent("Content-Type", operation.mediaType());
        }
        send(operation, name, pathValues, query, withType, body, marker, 0);
    }

    private void send(Operation operation, String name, Map<String, String> pathValues, String query,
                      Map<String, String> headers, byte[] body, String marker, int chunkSize) {
        String target = target(operation, pathValues, query);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Accept", "application/json, application/problem+json");
        if (operation.token() != null) {
            all.put("Authorization", "Bearer " + operation.token());
        }
        check(operation, name + " (unsigned)", http.send(operation.method(), target, all, body, chunkSize), marker);
        requests++;
        if (operation.signer() != null && body != null && chunkSize == 0) {
            all.putAll(operation.signer().apply(body));
            check(operation, name + " (signed)", http.send(operation.method(), target, all, body, chunkSize), marker);
            requests++;
        }
    }

    private String target(Operation operation, Map<String, String> pathValues, String query) {
        String target = operation.template();
        for (Parameter parameter : operation.parameters()) {
            if ("path".equals(parameter.in())) {
                String value = pathValues.getOrDefault(parameter.name(), placeholder(parameter.schema()));
                target = target.replace("{" + parameter.name() + "}", value);
            }
        }
        return query.isEmpty() ? target : target + "?" + query;
    }

    // ---- what is checked

    private void check(Operation operation, String name, RawHttp.Answer answer, String marker) {
        String where = operation.name() + " [" + RawHttp.abbreviated(name) + "]: " + answer.status();
        String body = answer.body();
        if (answer.status() >= 500) {
            if (answer.status() == 503 && body.contains(DEPENDENCY_UNAVAILABLE)) {
                peerUnavailable++;
            } else {
                violations.add(where + " is a server error: " + RawHttp.abbreviated(body));
            }
        }
        if (answer.status() >= 400 && answer.status() < 500 && !answer.contentType().startsWith(PROBLEM)) {
            violations.add(where + " is not application/problem+json but '" + answer.contentType() + "'");
        }
        if (STACK_FRAME.matcher(body).find() || CLASS_NAME.matcher(body).find()) {
            violations.add(where + " shows a stack trace or class name: " + RawHttp.abbreviated(body));
        }
        if (answer.status() >= 400 && marker != null && body.contains(marker)) {
            violations.add(where + " echoes the submitted value");
        }
    }

    // ---- valid placeholders, from the schemas

    private String placeholder(JsonNode schema) {
        String type = type(schema);
        if ("integer".equals(type) || "number".equals(type)) {
            return "1";
        }
        if ("uuid".equals(schema.path("format").asText())) {
            return UUID.randomUUID().toString();
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        return "probe";
    }

    private byte[] sampleBody(Operation operation) {
        if (operation.mediaType() == null) {
            return null;
        }
        if ("application/x-www-form-urlencoded".equals(operation.mediaType())) {
            StringBuilder form = new StringBuilder();
            operation.bodySchema().path("properties").fieldNames().forEachRemaining(field ->
                    form.append(form.isEmpty() ? "" : "&").append(encodedName(field)).append("=probe"));
            return utf8(form.toString());
        }
        if (!operation.mediaType().contains("json") || operation.bodySchema() == null) {
            return utf8("{}\n");
        }
        JsonNode sample = sample(operation.bodySchema(), 0);
        return operation.mediaType().contains("ndjson") ? utf8(sample + "\n") : write(sample);
    }

    private JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        if (schema.has("example")) {
            return schema.path("example");
        }
        if (schema.has("examples") && schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        String type = type(schema);
        return switch (type) {
            case "integer", "number" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6) {
                    for (int i = 0; i < Math.max(1, schema.path("minItems").asInt(1)); i++) {
                        array.add(sample(schema.path("items"), depth + 1));
                    }
                }
                yield array;
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    schema.path("properties").properties().forEach(property ->
                            object.set(property.getKey(), sample(property.getValue(), depth + 1)));
                }
                yield object;
            }
            default -> NODES.textNode(sampleText(schema));
        };
    }

    private static String sampleText(JsonNode schema) {
        return switch (schema.path("format").asText()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> Instant.now().toString();
            case "date" -> LocalDate.now().toString();
            case "email" -> "probe@example.org";
            case "uri", "url" -> "https://example.org/probe";
            case "duration" -> "P30D";
            default -> "probe";
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode candidate : type) {
                if (!"null".equals(candidate.asText())) {
                    return candidate.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    /** Follows {@code $ref} into the document's components, and takes the first of an {@code allOf}. */
    private JsonNode resolve(JsonNode node) {
        for (int hops = 0; hops < 10; hops++) {
            if (node.has("$ref")) {
                JsonNode target = document;
                for (String part : node.path("$ref").asText().substring(2).split("/")) {
                    target = target.path(part);
                }
                node = target;
            } else if (node.path("allOf").isArray() && !node.path("allOf").isEmpty() && !node.has("properties")) {
                node = node.path("allOf").get(0);
            } else {
                return node;
            }
        }
        return node;
    }

    private static String encodedName(String name) {
        return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
