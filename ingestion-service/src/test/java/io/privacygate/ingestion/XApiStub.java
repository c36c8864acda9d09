package io.privacygate.ingestion;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A stand-in for X's batch compliance API (a third party), in the documented shapes
 * (developer.x.com, "Batch compliance", quick start): {@code POST /2/compliance/jobs} with {@code {"type","name"}} and the
 * app-only bearer token answers {@code {"data":{"id","type","name","status":"created","upload_url","download_url",…}}};
 * {@code PUT} to the {@code upload_url} takes the ids, one per line, as {@code text/plain} (no token: the URL is signed);
 * {@code GET /2/compliance/jobs/{id}} answers {@code in_progress} at the first poll after the upload, then {@code complete};
 * {@code GET} on the {@code download_url} answers one JSON object per line
 * ({@code {"id","action":"delete","created_at","redacted_at","reason"}}) for each uploaded id that a test marked with
 * {@link #deletedTweet} or {@link #deletedUser}. A wrong token is a 401.
 */
public class XApiStub implements QuarkusTestResourceLifecycleManager {
    public static final String BEARER_TOKEN = "stub-x-app-bearer-token";
    private static final Map<String, String> TWEET_EVENTS = new ConcurrentHashMap<>();
    private static final Map<String, String> USER_EVENTS = new ConcurrentHashMap<>();
    private static final Map<String, Job> JOBS = new ConcurrentHashMap<>();
    private static final List<String> UPLOADED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger IDS = new AtomicInteger();
    private HttpServer server;
    private String base;

    private static final class Job {
        final String id;
        final String type;
        volatile List<String> ids;
        volatile int polls;

        Job(String id, String type) {
            this.id = id;
            this.type = type;
        }
    }

    /** X reports this tweet with a compliance event ({@code reason}: {@code deleted}, {@code suspended}, {@code scrub_geo}, …). */
    public static void deletedTweet(String tweetId, String reason) {
        TWEET_EVENTS.put(tweetId, reason);
    }

    /** X reports this user with a compliance event ({@code reason}: {@code deleted}, {@code suspended}, {@code deactivated}, …). */
    public static void deletedUser(String userId, String reason) {
        USER_EVENTS.put(userId, reason);
    }

    /** Every id uploaded to a job so far. */
    public static Set<String> uploaded() {
        return Set.copyOf(UPLOADED);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/2/compliance/jobs", this::jobs);
        server.createContext("/storage/", this::storage);
        server.start();
        return Map.of("privacy-gate.platforms.x.api-url", base, "privacy-gate.platforms.x.bearer-token", BEARER_TOKEN);
    }

    private void jobs(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + BEARER_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if ("POST".equals(exchange.getRequestMethod()) && path.equals("/2/compliance/jobs")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String type = body.contains("\"users\"") ? "users" : "tweets";
                Job job = new Job(String.valueOf(1_460_000_000_000_000_000L + IDS.incrementAndGet()), type);
                JOBS.put(job.id, job);
                send(exchange, 200, "{\"data\":" + view(job, "created") + "}");
                return;
            }
            Job job = JOBS.get(path.substring("/2/compliance/jobs/".length()));
            if (job == null) {
                send(exchange, 404, "{\"title\":\"Not Found Error\",\"status\":404}");
                return;
            }
            String status = job.ids == null ? "created" : job.polls++ == 0 ? "in_progress" : "complete";
            send(exchange, 200, "{\"data\":" + view(job, status) + "}");
        }
    }

    private void storage(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            Job job = JOBS.get(parts[3]);
            if (job == null || !exchange.getRequestURI().getRawQuery().startsWith("X-Goog-Signature=")) {
                send(exchange, 403, "<Error><Code>AccessDenied</Code></Error>");
            } else if ("PUT".equals(exchange.getRequestMethod()) && parts[2].equals("submission")) {
                String ids = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                job.ids = ids.lines().filter(line -> !line.isBlank()).toList();
                UPLOADED.addAll(job.ids);
                send(exchange, 200, "");
            } else if ("GET".equals(exchange.getRequestMethod()) && parts[2].equals("results")) {
                Map<String, String> events = job.type.equals("users") ? USER_EVENTS : TWEET_EVENTS;
                send(exchange, 200, job.ids.stream().filter(events::containsKey)
                        .map(id -> "{\"id\":\"" + id + "\",\"action\":\"delete\",\"created_at\":\"2026-12-01T10:00:00.000Z\","
                                + "\"redacted_at\":\"2026-12-07T08:30:00.000Z\",\"reason\":\"" + events.get(id) + "\"}")
                        .collect(Collectors.joining("\n")));
            } else {
                send(exchange, 405, "");
            }
        }
    }

    private String view(Job job, String status) {
        return "{\"id\":\"" + job.id + "\",\"type\":\"" + job.type + "\",\"name\":\"privacy-gate-reconciliation\",\"status\":\"" + status
                + "\",\"upload_url\":\"" + base + "/storage/submission/" + job.id + "?X-Goog-Signature=stub\","
                + "\"upload_expires_at\":\"2026-12-08T00:15:00.000Z\","
                + "\"download_url\":\"" + base + "/storage/results/" + job.id + "?X-Goog-Signature=stub\","
                + "\"download_expires_at\":\"2026-12-15T00:00:00.000Z\",\"created_at\":\"2026-12-08T00:00:00.000Z\"}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
