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
 * ({@code id, created_time, form_id, field_data[{name, values}]}); an unknown id gets the Graph API's
 * error for an unknown object (400, code 100), and a call without the page token 401.
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
                String leadId = exchange.getRequestURI().getPath().replaceAll("^.*/", "");
                Path lead = leads.resolve(leadId + ".json");
                if (leadId.matches("[0-9A-Za-z_-]+") && Files.isRegularFile(lead)) {
                    answer(exchange, 200, Files.readString(lead));
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
