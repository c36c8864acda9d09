package io.privacygate.ingestion;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stub of Meta's Graph API (a third-party service, not one of ours): {@code GET /v21.0/{lead-id}} answers a
 * registered lead in the Graph API's documented shape ({@code id}, {@code created_time}, {@code field_data});
 * {@code GET /v21.0/{ig-user-id}?fields=mentioned_comment.comment_id({comment-id}){...}} answers a registered mentioned
 * comment as {@code {"mentioned_comment":{...},"id":"<ig-user-id>"}}; 404 with Graph's error object for an unknown
 * one, and 401 without the page access token.
 * <p>
 * For reconciliation (issue 21 point 3): {@code GET /v21.0/{comment-id}?fields=id} answers {@code {"id":…}} for a comment
 * registered with {@link #comment}, and, for one registered with {@link #deletedObject}, the 400 Graph answers for an
 * object that does not exist: {@code GraphMethodException}, {@code code 100}, {@code error_subcode 33}, "Unsupported get
 * request. Object with ID '…' does not exist, cannot be loaded due to missing permissions, or does not support this
 * operation".
 */
public class GraphApiStub implements QuarkusTestResourceLifecycleManager {
    public static final String ACCESS_TOKEN = "stub-page-access-token";
    private static final Map<String, String> LEADS = new ConcurrentHashMap<>();
    private static final Map<String, String> MENTIONS = new ConcurrentHashMap<>();
    private static final Set<String> COMMENTS = ConcurrentHashMap.newKeySet();
    private static final Set<String> DELETED = ConcurrentHashMap.newKeySet();
    private static final Pattern MENTIONED_COMMENT = Pattern.compile("mentioned_comment\\.comment_id\\(([^)]+)\\)");
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private HttpServer server;

    /** Registers a lead; {@code fieldDataJson} is the {@code field_data} array. */
    public static void lead(String leadId, String fieldDataJson) {
        LEADS.put(leadId, "{\"created_time\":\"2026-04-05T18:18:20+0000\",\"id\":\"" + leadId
                + "\",\"ad_id\":\"23850000000000001\",\"form_id\":\"444444444444\",\"field_data\":" + fieldDataJson + "}");
    }

    /** Registers a comment in which the Instagram account {@code igUserId} was @mentioned, written by {@code authorIgsid}. */
    public static void mentionedComment(String igUserId, String commentId, String authorIgsid, String username, String text) {
        MENTIONS.put(igUserId + "/" + commentId, "{\"mentioned_comment\":{\"id\":\"" + commentId + "\",\"text\":\"" + text
                + "\",\"timestamp\":\"2026-12-07T18:18:20+0000\",\"from\":{\"id\":\"" + authorIgsid + "\",\"username\":\""
                + username + "\"}},\"id\":\"" + igUserId + "\"}");
    }

    /** A comment that still exists on Facebook or Instagram. */
    public static void comment(String commentId) {
        COMMENTS.add(commentId);
    }

    /** An object deleted at the source: Graph answers its "does not exist" error. */
    public static void deletedObject(String objectId) {
        DELETED.add(objectId);
    }

    public static int requests() {
        return REQUESTS.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v21.0/", this::answer);
        server.start();
        return Map.of("privacy-gate.platforms.meta.graph-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v21.0",
                "privacy-gate.platforms.meta.access-token", ACCESS_TOKEN);
    }

    private void answer(HttpExchange exchange) throws IOException {
        REQUESTS.incrementAndGet();
        String id = exchange.getRequestURI().getPath().substring("/v21.0/".length());
        String query = exchange.getRequestURI().getQuery();
        Matcher mention = MENTIONED_COMMENT.matcher(query == null ? "" : query);
        String lead = mention.find() ? MENTIONS.get(id + "/" + mention.group(1)) : LEADS.get(id);
        if (!("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\",\"code\":190}}");
        } else if (DELETED.contains(id)) {
            send(exchange, 400, "{\"error\":{\"message\":\"Unsupported get request. Object with ID '" + id + "' does not exist, "
                    + "cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API "
                    + "documentation at https://developers.facebook.com/docs/graph-api\",\"type\":\"GraphMethodException\","
                    + "\"code\":100,\"error_subcode\":33,\"fbtrace_id\":\"AbCdEfGhIjK\"}}");
        } else if (COMMENTS.contains(id)) {
            send(exchange, 200, "{\"id\":\"" + id + "\"}");
        } else if (lead == null) {
            send(exchange, 404, "{\"error\":{\"message\":\"Unsupported get request.\",\"type\":\"GraphMethodException\",\"code\":100}}");
        } else {
            send(exchange, 200, lead);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
