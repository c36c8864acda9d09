package io.privacygate.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stub of Meta's Graph API (a platform server that cannot be reached here): it answers
 * {@code GET /{leadgen_id}} with a lead object in the Graph API's documented shape
 * ({@code id, created_time, form_id, field_data[{name, values}]}).
 */
final class GraphApiStub {
    private static final Map<String, String> LEADS = new ConcurrentHashMap<>();
    private static HttpServer server;

    private GraphApiStub() {
    }

    static synchronized String start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("The Graph API stub did not start", e);
            }
            server.createContext("/", exchange -> {
                String leadId = exchange.getRequestURI().getPath().replaceAll("^.*/", "");
                String lead = LEADS.get(leadId);
                byte[] body = (lead != null ? lead : "{\"error\":{\"message\":\"Unsupported get request\",\"code\":100}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(lead != null ? 200 : 400, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static void lead(String leadId, String formId, String email, String fullName) {
        LEADS.put(leadId, """
                {"id":"%s","created_time":"2026-11-29T09:00:00+0000","form_id":"%s","ad_id":"23850000000000001",
                 "field_data":[{"name":"email","values":["%s"]},{"name":"full_name","values":["%s"]},
                               {"name":"preferred_store","values":["Lyon"]}]}""".formatted(leadId, formId, email, fullName));
    }
}
