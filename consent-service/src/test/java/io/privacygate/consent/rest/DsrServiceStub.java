package io.privacygate.consent.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A stand-in for dsr-service, which builds after consent-service and cannot run in its tests. It answers the part of
 * dsr-service's documented contract that a {@code dsr-intake} caller uses (RequestResource, RequestActionResource,
 * ExportResource): file with an Idempotency-Key (201, or 200 for a key seen before), verify with EMAIL_CODE and
 * evidence and no code (200; 409 unless RECEIVED), read one request (state only), download the package of a
 * completed ACCESS/PORTABILITY request (404 unknown, 409 not ready), a repeated Idempotency-Key answered as the
 * first call was (filing and verification), 401 without a bearer token. It records every
 * call, so tests assert on what consent-service sent. The real integration is proven by e2e's PrivacyCenterIT.
 */
public class DsrServiceStub implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ONE = Pattern.compile("/api/v1/requests/([0-9a-f-]{36})(/verification|/export)?");
    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    static final Map<UUID, Map<String, Object>> REQUESTS = new ConcurrentHashMap<>();
    private static final Map<String, UUID> BY_IDEMPOTENCY_KEY = new ConcurrentHashMap<>();
    private HttpServer server;

    /** One call as received. */
    record Call(String method, String path, String authorization, String idempotencyKey, JsonNode body) {
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/requests", this::handle);
        server.start();
        return Map.of("privacy-gate.consent.privacy-center.dsr-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** dsr-service's worker finished the request: COMPLETED, with a package for ACCESS and PORTABILITY. */
    static void complete(UUID id) {
        Map<String, Object> request = REQUESTS.get(id);
        request.put("status", "COMPLETED");
        request.put("outcome", "ANSWERED");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("summary", "Answered.");
        String type = (String) request.get("type");
        if (type.equals("ACCESS") || type.equals("PORTABILITY")) {
            answer.put("export", Map.of("available", true, "expiresAt", Instant.now().plusSeconds(86_400 * 30).toString(),
                    "sizeBytes", 100, "sha256", "00"));
        }
        request.put("answer", answer);
    }

    static List<Call> callsTo(String pathPrefix) {
        return CALLS.stream().filter(c -> c.path().startsWith(pathPrefix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
        CALLS.add(new Call(method, path, authorization, key, body));
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() < 10) {
            respond(exchange, 401, Map.of("status", 401));
            return;
        }
        if (method.equals("POST") && path.equals("/api/v1/requests")) {
            file(exchange, body, key);
            return;
        }
        Matcher one = ONE.matcher(path);
        if (!one.matches()) {
            respond(exchange, 404, Map.of("status", 404));
            return;
        }
        Map<String, Object> request = REQUESTS.get(UUID.fromString(one.group(1)));
        if (request == null) {
            respond(exchange, 404, Map.of("status", 404));
            return;
        }
        String action = one.group(2);
        if (action == null && method.equals("GET")) {
            respond(exchange, 200, request);
        } else if ("/verification".equals(action) && method.equals("POST")) {
            verify(exchange, request, body, key);
        } else if ("/export".equals(action) && method.equals("GET")) {
            export(exchange, request);
        } else {
            respond(exchange, 405, Map.of("status", 405));
        }
    }

    private static void file(HttpExchange exchange, JsonNode body, String key) throws IOException {
        if (body == null || !body.path("type").isTextual() || !body.path("identifiers").isArray()
                || body.path("identifiers").isEmpty()) {
            respond(exchange, 400, Map.of("status", 400));
            return;
        }
        if (key != null && BY_IDEMPOTENCY_KEY.containsKey(key)) {
            respond(exchange, 200, REQUESTS.get(BY_IDEMPOTENCY_KEY.get(key)));
            return;
        }
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        Map<String, Object> request = new ConcurrentHashMap<>();
        request.put("id", id.toString());
        request.put("type", body.path("type").asText());
        request.put("status", "RECEIVED");
        request.put("extended", false);
        request.put("overdue", false);
        request.put("channel", body.path("channel").asText());
        request.put("receivedAt", now.toString());
        request.put("dueAt", now.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant().toString());
        request.put("filedBy", "client:consent-service");
        REQUESTS.put(id, request);
        if (key != null) {
            BY_IDEMPOTENCY_KEY.put(key, id);
        }
        exchange.getResponseHeaders().add("Location", "/api/v1/requests/" + id);
        respond(exchange, 201, request);
    }

    private static void verify(HttpExchange exchange, Map<String, Object> request, JsonNode body, String key)
            throws IOException {
        boolean valid = body != null && "EMAIL_CODE".equals(body.path("method").asText())
                && !body.path("evidence").asText("").isBlank() && body.path("code").isMissingNode();
        if (!valid) {
            respond(exchange, 400, Map.of("status", 400));
            return;
        }
        if (key != null && key.equals(request.get("verificationIdempotencyKey"))) {
            respond(exchange, 200, request);
            return;
        }
        if (!"RECEIVED".equals(request.get("status"))) {
            respond(exchange, 409, Map.of("status", 409));
            return;
        }
        request.put("status", "VERIFIED");
        if (key != null) {
            request.put("verificationIdempotencyKey", key);
        }
        request.put("verification", Map.of("method", "EMAIL_CODE", "verifiedAt", Instant.now().toString(),
                "verifiedBy", "client:consent-service"));
        respond(exchange, 200, request);
    }

    private static void export(HttpExchange exchange, Map<String, Object> request) throws IOException {
        if (!"COMPLETED".equals(request.get("status"))) {
            respond(exchange, 409, Map.of("status", 409));
            return;
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write("{\"stub\":true}".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        exchange.getResponseHeaders().add("Content-Type", "application/zip");
        exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"dsr-" + request.get("id") + ".zip\"");
        byte[] bytes = zip.toByteArray();
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

}
