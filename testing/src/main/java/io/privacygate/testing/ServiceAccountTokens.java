package io.privacygate.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The realm's token endpoint for service accounts, stubbed (no Keycloak runs in module tests): a client-credentials
 * grant gets the token Keycloak would issue to that client, {@link TestTokens#service} with the realm roles of its
 * service account. The OIDC test server's own client-credentials token names no client ({@code azp}) and no
 * service ({@code aud}), so a service called with it could not tell who called it, as audit-service and
 * dsr-service's intake must. One endpoint serves the whole test JVM and the peers it starts.
 */
public final class ServiceAccountTokens {
    /** The realm roles of each service account, as in deploy/keycloak/privacy-gate-realm.json. */
    public static final Map<String, List<String>> ROLES = Map.of(
            "consent-service", List.of("audit-writer", "consent-notifier", "dsr-intake"),
            "ingestion-service", List.of("audit-writer", "consent-reader", "consent-writer", "dsr-intake"),
            "dsr-service", List.of("audit-writer", "consent-reader", "consent-writer", "dsr-executor"),
            "audit-service", List.of());
    private static final String TOKEN_PATH = "/token";
    private static HttpServer server;

    private ServiceAccountTokens() {
    }

    /** The {@code quarkus.oidc-client.*} settings that make {@code clientId}'s service take its tokens here. */
    public static Map<String, String> oidcClientConfig(String clientId) {
        return Map.of(
                "quarkus.oidc-client.auth-server-url", baseUrl(),
                "quarkus.oidc-client.discovery-enabled", "false",
                "quarkus.oidc-client.token-path", TOKEN_PATH,
                "quarkus.oidc-client.client-id", clientId,
                "quarkus.oidc-client.credentials.secret", clientId + "-secret");
    }

    private static synchronized String baseUrl() {
        if (server == null) {
            // The endpoint's threads see only system properties, not the test's configuration: name the signing key
            // of the OIDC test server, as the test resource does for the test.
            System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("The token endpoint did not start", e);
            }
            server.createContext(TOKEN_PATH, ServiceAccountTokens::grant);
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void grant(HttpExchange exchange) throws IOException {
        String clientId = clientId(exchange);
        List<String> roles = ROLES.get(clientId);
        int status = roles == null ? 401 : 200;
        String body = roles == null ? "{\"error\":\"invalid_client\"}"
                : "{\"access_token\":\"" + TestTokens.service(clientId, roles.toArray(String[]::new))
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":600}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The client authenticates with HTTP Basic (client_secret_basic, the OIDC client's default) or a client_id field. */
    private static String clientId(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return URLDecoder.decode(colon < 0 ? credentials : credentials.substring(0, colon), StandardCharsets.UTF_8);
        }
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String field : form.split("&")) {
            if (field.startsWith("client_id=")) {
                return URLDecoder.decode(field.substring("client_id=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
