import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for Meta's Graph API on this machine (Meta's servers cannot serve a page that does not exist).
 * A {@code leadgen} webhook carries ids only, and ingestion-service fetches the lead's answers with
 * {@code GET /{leadgen_id}}: this answers with the file {@code <leads>/<leadgen_id>.json}, written beforehand
 * by {@code bin/privacy-gate demo} or a test, in the Graph API's documented shape
 * ({@code id, created_time, form_id, field_data[{name, values}]}). ingestion-service's reconciliation reads an
 * object by id ({@code GET /{comment-id}?fields=id}) to learn whether a stored comment still exists: the id of a
 * file {@code <leads>/deleted/<comment-id>} gets Graph's error for an object that does not exist (400, code 100,
 * error_subcode 33), any other id its {@code {"id": ...}}. A lead id without its file gets the error for an unknown
 * object (400, code 100), and a call without the page token 401.
 *
 *   java bin/MetaGraphStandIn.java PORT LEADS_FOLDER PAGE_TOKEN
 */
public class MetaGraphStandIn {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path leads = Path.of(args[1]);
        String authorization = "Bearer " + args[2];
        Files.createDirectories(leads);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    answer(exchange, 401, "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"code\":190}}");
                    return;
                }
                String id = exchange.getRequestURI().getPath().replaceAll("^.*/", "");
                boolean idOnly = "fields=id".equals(exchange.getRequestURI().getQuery());
                if (!id.matches("[0-9A-Za-z_-]+")) {
                    answer(exchange, 400, "{\"error\":{\"message\":\"Unsupported get request.\",\"code\":100}}");
                } else if (Files.exists(leads.resolve("deleted").resolve(id))) {
                    answer(exchange, 400, "{\"error\":{\"message\":\"Unsupported get request. Object with ID '" + id
                            + "' does not exist, cannot be loaded due to missing permissions, or does not support this"
                            + " operation.\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}");
                } else if (Files.isRegularFile(leads.resolve(id + ".json"))) {
                    answer(exchange, 200, Files.readString(leads.resolve(id + ".json")));
                } else if (idOnly) {
                    answer(exchange, 200, "{\"id\":\"" + id + "\"}");
                } else {
                    answer(exchange, 400, "{\"error\":{\"message\":\"Unsupported get request.\",\"code\":100}}");
                }
            }
        });
        server.start();
        System.out.println("Meta Graph API stand-in ready on port " + port + ", leads from " + leads);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
