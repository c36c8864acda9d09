package io.privacygate.testing.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tokens shaped like the realm's (RS256, realm roles in {@code groups}, service accounts named
 * {@code service-account-<client>}), signed with the benchmark's key, and the client-credentials token endpoint the
 * services take their own tokens from while a benchmark runs. No Keycloak runs in a benchmark.
 */
public final class BenchTokens {
    /** Every service of the suite, the audience of a token that may call any of them. */
    public static final List<String> SUITE = List.of("consent-service", "ingestion-service", "dsr-service", "audit-service");
    private static final Duration SERVICE_ACCOUNT_LIFETIME = Duration.ofHours(1);

    private final PrivateKey key;
    private final String issuer;

    public BenchTokens(PrivateKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /** @param client the {@code azp} claim, or null for none */
    public String token(String user, String client, List<String> audiences, List<String> roles, Duration lifetime) {
        long now = Instant.now().getEpochSecond();
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = base64Url("{\"iss\":\"" + issuer + "\",\"sub\":\"" + UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8))
                + "\",\"preferred_username\":\"" + user + "\"" + (client == null ? "" : ",\"azp\":\"" + client + "\"")
                + ",\"aud\":" + jsonArray(audiences) + ",\"groups\":" + jsonArray(roles)
                + ",\"iat\":" + now + ",\"exp\":" + (now + lifetime.toSeconds()) + "}");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 is unavailable", e);
        }
    }

    /** The token Keycloak gives {@code client}'s service account, for every service of the suite. */
    public String serviceAccount(String client, List<String> roles) {
        return token("service-account-" + client, client, SUITE, roles, SERVICE_ACCOUNT_LIFETIME);
    }

    /**
     * Serves the client-credentials grant on 127.0.0.1:{@code port} for the clients named in {@code clientRoles}, each
     * authenticated by HTTP Basic (client_secret_basic, the OIDC client's default) or by form fields, with the
     * secret {@code <client>-secret}.
     */
    public void serve(int port, Map<String, List<String>> clientRoles) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/token", exchange -> {
            String client = authenticatedClient(exchange);
            List<String> roles = client == null ? null : clientRoles.get(client);
            byte[] body = (roles == null ? "{\"error\":\"invalid_client\"}"
                    : "{\"access_token\":\"" + serviceAccount(client, roles) + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + SERVICE_ACCOUNT_LIFETIME.toSeconds() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(roles == null ? 401 : 200, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        server.start();
        Logger.getLogger(BenchTokens.class).infof("Token endpoint ready on port %d", port);
    }

    private static String authenticatedClient(HttpExchange exchange) throws IOException {
        String id = null;
        String secret = null;
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
        }
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String field : form.split("&")) {
            String[] kv = field.split("=", 2);
            if (kv.length == 2 && kv[0].equals("client_id")) {
                id = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
            if (kv.length == 2 && kv[0].equals("client_secret")) {
                secret = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return id != null && (id + "-secret").equals(secret) ? id : null;
    }

    private static String jsonArray(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
