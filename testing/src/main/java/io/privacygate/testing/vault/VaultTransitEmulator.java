package io.privacygate.testing.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An emulator of HashiCorp Vault for tests, since no Vault or OpenBao server can run on these machines. It answers
 * Vault's documented HTTP API (website/content/api-docs: secret/transit, auth/token, auth/kubernetes, system/health)
 * on 127.0.0.1 with real cryptography:
 * <ul>
 *   <li>transit keys of type {@code aes256-gcm96} (AES-256-GCM, 96-bit random nonce, ciphertexts
 *       {@code vault:v<N>:base64(nonce || ciphertext || tag)}) and {@code ed25519} (the JDK's Ed25519), versioned:
 *       create, read, delete, rotate, config ({@code min_decryption_version}, {@code min_encryption_version},
 *       {@code deletion_allowed}, {@code auto_rotate_period}) and trim;</li>
 *   <li>encrypt, decrypt (refused below {@code min_decryption_version}), rewrap to the latest version, datakey,
 *       versioned HMAC, sign and verify (signatures and HMACs), with their {@code batch_input} forms;</li>
 *   <li>tokens ({@code X-Vault-Token} or {@code Authorization: Bearer}; unknown or expired: 403
 *       {@code permission denied}), {@code auth/token/lookup-self} and {@code renew-self}, and Kubernetes login
 *       checking the service-account JWT's signature, name, namespace and audience;</li>
 *   <li>ACL policies in HCL ({@link #policy}), such as deploy/vault/policies: a call its token's policies do not
 *       grant answers 403 {@code permission denied};</li>
 *   <li>{@code sys/health}, and sealing ({@link #seal}): while sealed, every call answers 503.</li>
 * </ul>
 * It does not cover key derivation, convergent encryption,
 * exporting, backup, other key types or other engines, and it does not rotate keys on {@code auto_rotate_period}
 * by itself. Its state lives in memory and ends with {@link #close()}.
 */
public final class VaultTransitEmulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final TokenStore tokens = new TokenStore();
    private final TransitApi transit = new TransitApi();
    private final KubernetesAuth kubernetes = new KubernetesAuth();
    private final Policies policies = new Policies();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final String rootToken;
    private volatile boolean sealed;

    private VaultTransitEmulator(int port, String rootToken) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
        this.rootToken = tokens.issue(rootToken, "root", "auth/token/root", List.of("root"), Map.of(), Duration.ZERO).id();
        server.start();
    }

    /** Starts on a free port with a random root token. */
    public static VaultTransitEmulator start() {
        return start(0);
    }

    /** Starts on {@code port} (0: a free one) with a random root token. */
    public static VaultTransitEmulator start(int port) {
        return start(port, null);
    }

    /** Starts on {@code port} with the given root token, as {@code vault server -dev -dev-root-token-id}. */
    public static VaultTransitEmulator start(int port, String rootToken) {
        try {
            return new VaultTransitEmulator(port, rootToken);
        } catch (IOException e) {
            throw new UncheckedIOException("The Vault emulator did not start", e);
        }
    }

    /** Vault's address, e.g. {@code http://127.0.0.1:41234}; the API is under {@code /v1}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A token that never expires, as {@code vault server -dev} prints. */
    public String rootToken() {
        return rootToken;
    }

    /** A new token with the {@code default} policy and a lease of {@code ttl}, as {@code auth/token/create} issues it. */
    public String token(String displayName, Duration ttl) {
        return token(displayName, ttl, List.of());
    }

    /** A new token with the {@code default} policy and {@code policies}, and a lease of {@code ttl}. */
    public String token(String displayName, Duration ttl, List<String> policies) {
        List<String> all = new java.util.ArrayList<>(List.of("default"));
        all.addAll(policies);
        return tokens.issue(null, displayName, "auth/token/create", all, Map.of(), ttl).id();
    }

    /** {@code vault policy write <name>}: an ACL policy in HCL, e.g. a file of deploy/vault/policies. */
    public void policy(String name, String hcl) {
        policies.write(name, hcl);
    }

    public void revoke(String token) {
        tokens.revoke(token);
    }

    /** {@code POST transit/keys/:name} with {@code type} ({@code aes256-gcm96} or {@code ed25519}). */
    public void createKey(String name, String type) {
        transit.create(name, TransitKeyType.of(type));
    }

    /** {@code POST transit/keys/:name/rotate}. */
    public void rotate(String name) {
        transit.existing(name, "key not found").rotate();
    }

    /** {@code POST transit/keys/:name/config} with {@code min_decryption_version}. */
    public void setMinDecryptionVersion(String name, int version) {
        transit.existing(name, "key not found").configure(version, null, null, null);
    }

    /** The transit key's latest version. */
    public int latestVersion(String name) {
        return (int) transit.existing(name, "key not found").read().get("latest_version");
    }

    /** {@code POST auth/kubernetes/config} with the service-account issuer's public key ({@code pem_keys}). */
    public void configureKubernetes(PublicKey serviceAccountIssuerKey) {
        kubernetes.configure(serviceAccountIssuerKey);
    }

    /**
     * {@code POST auth/kubernetes/role/:name}: the service accounts ({@code bound_service_account_names}) in the
     * namespaces ({@code bound_service_account_namespaces}) that may log in, the {@code audience} their JWT must name
     * ({@code null}: any), the policies of their tokens and the tokens' lease ({@code token_ttl}).
     */
    public void kubernetesRole(String role, List<String> serviceAccountNames, List<String> namespaces, String audience,
                               List<String> policies, Duration ttl) {
        kubernetes.role(new KubernetesAuth.Role(role, List.copyOf(serviceAccountNames), List.copyOf(namespaces),
                audience, List.copyOf(policies), ttl));
    }

    /** While sealed, every call (health included) answers 503, as a sealed Vault does. */
    public void seal(boolean sealed) {
        this.sealed = sealed;
    }

    /** Every request so far, as {@code METHOD /v1/path}: tests use it to see that a call reached Vault. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + path);
            Reply reply;
            try {
                reply = route(method, path, body(exchange.getRequestBody()), exchange);
            } catch (VaultError e) {
                reply = Reply.error(e);
            }
            send(exchange, reply);
        }
    }

    private Reply route(String method, String path, JsonNode body, HttpExchange exchange) {
        if (path.equals("/v1/sys/health")) {
            return health();
        }
        if (sealed) {
            throw VaultError.sealed();
        }
        if (path.equals("/v1/auth/kubernetes/login")) {
            requirePost(method);
            return Reply.auth(kubernetes.login(body, tokens).auth());
        }
        TokenStore.Token token = tokens.authenticate(token(exchange));
        if (!policies.allows(token.policies(), method, path.substring("/v1/".length()), parameters(body))) {
            throw VaultError.permissionDenied();
        }
        return switch (path) {
            case "/v1/auth/token/lookup-self" -> Reply.data(token.lookup(Instant.now()));
            case "/v1/auth/token/renew-self" -> {
                requirePost(method);
                yield Reply.auth(tokens.renew(token).auth());
            }
            default -> {
                if (!path.startsWith("/v1/transit/")) {
                    throw VaultError.unsupportedPath();
                }
                yield transit.handle(method, path.substring("/v1/transit/".length()), body);
            }
        };
    }

    /** "Read Health Information": 200 when unsealed and active, 503 when sealed; the body either way. */
    private Reply health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("initialized", true);
        body.put("sealed", sealed);
        body.put("standby", false);
        body.put("performance_standby", false);
        body.put("replication_performance_mode", "disabled");
        body.put("replication_dr_mode", "disabled");
        body.put("server_time_utc", Instant.now().getEpochSecond());
        body.put("version", "emulator");
        body.put("cluster_name", "privacy-gate-emulator");
        return new Reply(sealed ? 503 : 200, body);
    }

    private static String token(HttpExchange exchange) {
        String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (token == null && authorization != null && authorization.startsWith("Bearer ")) {
            return authorization.substring("Bearer ".length());
        }
        return token;
    }

    private static void requirePost(String method) {
        if (!method.equals("POST") && !method.equals("PUT")) {
            throw VaultError.unsupportedOperation();
        }
    }

    private static Set<String> parameters(JsonNode body) {
        Set<String> names = new HashSet<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode body(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw VaultError.badRequest("failed to parse JSON input");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw VaultError.badRequest("failed to parse JSON input");
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.body() == null || exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
