package io.privacygate.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.privacygate.testing.PeerService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stub in front of the real consent-service peer, which ingestion-service is pointed at. Every call is
 * forwarded to the peer unchanged (a peer that is down answers 503 here), except
 * {@code POST /api/v1/subjects/resolve/batch} (issue #4), which the stub answers itself, exactly per that
 * endpoint's contract, by resolving each entry in turn with the peer's own {@code POST /api/v1/subjects/resolve}
 * (so the subjects are the peer's real ones; each entry is passed on whole, with its {@code source} and {@code obtainedAt}): {@code {"results":[{"subjectId","created","refused"}]}}, one
 * per entry in request order, {@code refused: "identifiers-of-different-subjects"} where the peer answers
 * 409. It counts the resolve calls ingestion-service makes, single and batch, so that tests can bound them.
 * <p>
 * Decisions ({@code POST /api/v1/decisions} and {@code /decisions/batch}) are forwarded too, and every query is kept so
 * that tests can read the {@code sourceKind} ingestion-service sent. Until the consent-service in this build applies
 * platform use limits itself (contract C1, issue 21 point 4), the stub stands in for that rule: a test sets a channel's
 * limits with {@link #platformTerms}, and a permitted answer to a query on that channel whose source kind is not listed
 * (or missing) or whose purpose the kind does not allow becomes the denial {@code PLATFORM_TERMS}, as the contract words
 * it. Channels without limits are answered by the peer alone.
 */
public class ConsentServiceStub implements QuarkusTestResourceLifecycleManager {
    /** Where the real peer's URL goes instead of ingestion-service's consent URL (see {@link IngestionTestProfile}). */
    public static final String PEER_URL_PROPERTY = "test.consent-peer-url";
    private static final String BATCH = "/api/v1/subjects/resolve/batch";
    private static final String SINGLE = "/api/v1/subjects/resolve";
    private static final String DECISION = "/api/v1/decisions";
    private static final String DECISIONS = "/api/v1/decisions/batch";
    private static final Map<String, Map<String, Set<String>>> PLATFORM_TERMS = new ConcurrentHashMap<>();
    private static final List<JsonNode> DECISION_QUERIES = new CopyOnWriteArrayList<>();
    private static final List<JsonNode> RESOLVED_PEOPLE = new CopyOnWriteArrayList<>();
    private static final int MAX_BATCH = 500;
    private static final AtomicInteger BATCH_CALLS = new AtomicInteger();
    private static final AtomicInteger BATCH_ENTRIES = new AtomicInteger();
    private static final AtomicInteger SINGLE_CALLS = new AtomicInteger();
    /** W3C Trace Context included, so that the peer's spans stay in ingestion-service's trace (OneTraceAcrossTheSuiteTest). */
    private static final List<String> FORWARDED_HEADERS = List.of("Authorization", "Content-Type", "Accept", "Sec-GPC",
            "traceparent", "tracestate");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer server;
    private ExecutorService threads;

    /** Batch resolve calls ingestion-service made. */
    public static int batchCalls() {
        return BATCH_CALLS.get();
    }

    /** People asked about in those calls. */
    public static int batchEntries() {
        return BATCH_ENTRIES.get();
    }

    /** Single resolve calls ingestion-service made (the tests' own set-up goes to the peer directly). */
    public static int singleCalls() {
        return SINGLE_CALLS.get();
    }

    /** Limits for one channel: source kind → the purposes it may serve (contract C1); until {@link #clearPlatformTerms()}. */
    public static void platformTerms(String channel, Map<String, Set<String>> limits) {
        PLATFORM_TERMS.put(channel, Map.copyOf(limits));
    }

    public static void clearPlatformTerms() {
        PLATFORM_TERMS.clear();
    }

    /** Every decision query ingestion-service sent, in order: {@code subjectId}, {@code purpose}, {@code channel}, {@code sourceKind}. */
    public static List<JsonNode> decisionQueries() {
        return List.copyOf(DECISION_QUERIES);
    }

    /** Every entry of the batch resolve calls ingestion-service made: {@code identifiers}, {@code source}, {@code obtainedAt}. */
    public static List<JsonNode> resolvedPeople() {
        return List.copyOf(RESOLVED_PEOPLE);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
        return Map.of("privacy-gate.ingestion.consent-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            boolean post = "POST".equals(exchange.getRequestMethod());
            if (post && BATCH.equals(path)) {
                BATCH_CALLS.incrementAndGet();
                resolveBatch(exchange, body);
                return;
            }
            if (post && SINGLE.equals(path)) {
                SINGLE_CALLS.incrementAndGet();
            }
            if (post && (DECISION.equals(path) || DECISIONS.equals(path))) {
                decide(exchange, path, body);
                return;
            }
            HttpResponse<byte[]> answer = forward(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders(), body);
            if (answer == null) {
                send(exchange, 503, "application/problem+json", "{\"status\":503,\"title\":\"consent-service is down\"}");
            } else {
                send(exchange, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse("application/json"),
                        answer.body());
            }
        }
    }

    private void resolveBatch(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode people = JSON.readTree(body).path("people");
        if (!people.isArray() || people.isEmpty() || people.size() > MAX_BATCH) {
            send(exchange, 400, "application/problem+json", "{\"status\":400,\"title\":\"people: 1 to 500 entries\"}");
            return;
        }
        BATCH_ENTRIES.addAndGet(people.size());
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (JsonNode person : people) {
            RESOLVED_PEOPLE.add(person);
            // the entry as sent (identifiers, and the source and obtainedAt of contract C3): the single call takes the same fields
            byte[] single = JSON.writeValueAsBytes(person);
            HttpResponse<byte[]> resolved = forward("POST", SINGLE, exchange.getRequestHeaders(), single);
            ObjectNode result = results.addObject();
            if (resolved != null && resolved.statusCode() == 200) {
                JsonNode subject = JSON.readTree(resolved.body());
                result.put("subjectId", subject.path("subjectId").asText());
                result.put("created", subject.path("created").asBoolean());
                result.putNull("refused");
            } else if (resolved != null && resolved.statusCode() == 409) {
                result.putNull("subjectId");
                result.put("created", false);
                result.put("refused", "identifiers-of-different-subjects");
            } else {
                // the whole call fails as the peer's single call did (down, our token refused, ...)
                int status = resolved == null ? 503 : resolved.statusCode();
                send(exchange, status, "application/problem+json", "{\"status\":" + status + ",\"title\":\"resolve failed\"}");
                return;
            }
        }
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(answer));
    }

    private void decide(HttpExchange exchange, String path, byte[] body) throws IOException {
        JsonNode request = JSON.readTree(body);
        boolean batch = DECISIONS.equals(path);
        List<JsonNode> queries = new ArrayList<>();
        if (batch) {
            request.path("queries").forEach(queries::add);
        } else {
            queries.add(request);
        }
        DECISION_QUERIES.addAll(queries);
        HttpResponse<byte[]> answer = forward("POST", path, exchange.getRequestHeaders(), body);
        if (answer == null) {
            send(exchange, 503, "application/problem+json", "{\"status\":503,\"title\":\"consent-service is down\"}");
            return;
        }
        if (answer.statusCode() != 200) {
            send(exchange, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse("application/json"), answer.body());
            return;
        }
        JsonNode decided = JSON.readTree(answer.body());
        if (batch) {
            for (int i = 0; i < queries.size(); i++) {
                applyPlatformTerms(queries.get(i), (ObjectNode) decided.path("decisions").get(i));
            }
        } else {
            applyPlatformTerms(queries.get(0), (ObjectNode) decided);
        }
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(decided));
    }

    private static void applyPlatformTerms(JsonNode query, ObjectNode decision) {
        Map<String, Set<String>> limits = PLATFORM_TERMS.get(query.path("channel").asText());
        if (limits == null || !decision.path("permitted").asBoolean()) {
            return;
        }
        Set<String> allowed = limits.get(query.path("sourceKind").asText(""));
        if (allowed == null || !allowed.contains(query.path("purpose").asText())) {
            decision.put("permitted", false);
            decision.put("reason", "PLATFORM_TERMS");
            decision.putNull("consentEventId");
        }
    }

    /** @return the peer's answer, or null when it cannot be reached */
    private HttpResponse<byte[]> forward(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PeerService.url("consent-service") + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED_HEADERS) {
            headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .ifPresent(e -> e.getValue().forEach(value -> request.header(name, value)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException down) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
