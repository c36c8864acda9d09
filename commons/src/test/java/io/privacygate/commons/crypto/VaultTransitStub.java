package io.privacygate.commons.crypto;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stub of HashiCorp Vault's Transit secrets engine, answering exactly in the shapes of Vault's
 * documented HTTP API (/v1/transit/encrypt|decrypt|sign/:name, GET /v1/transit/keys/:name, including
 * the batch_input/batch_results form). No Vault server can run on these machines; this stands in for it.
 * Ciphertexts are opaque handles whose plaintext only the stub knows, as with a real Vault.
 */
public class VaultTransitStub implements QuarkusTestResourceLifecycleManager {
    public static final List<String> PATHS = new CopyOnWriteArrayList<>();
    /** While set, every call is answered as a sealed Vault answers it: 503, {@code Vault is sealed}. */
    public static final AtomicBoolean SEALED = new AtomicBoolean();
    private static final Map<String, String> PLAINTEXTS = new ConcurrentHashMap<>();
    private static KeyPair signingKey;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        try {
            signingKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            vertx = Vertx.vertx();
            HttpServer server = vertx.createHttpServer().requestHandler(this::handle);
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return Map.of(
                    "quarkus.vault.url", "http://127.0.0.1:" + server.actualPort(),
                    "quarkus.vault.authentication.client-token", "stub-token",
                    "privacy-gate.keys.provider", "vault");
        } catch (Exception e) {
            throw new IllegalStateException("The Vault stub did not start", e);
        }
    }

    @Override
    public void stop() {
        vertx.close();
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(buffer -> {
            String path = request.path();
            PATHS.add(request.method() + " " + path);
            if (SEALED.get()) {
                reply(request, 503, new JsonObject().put("errors", new JsonArray().add("Vault is sealed")));
                return;
            }
            if (!"stub-token".equals(request.getHeader("X-Vault-Token"))) {
                reply(request, 403, new JsonObject().put("errors", new JsonArray().add("permission denied")));
                return;
            }
            JsonObject body = buffer.length() == 0 ? new JsonObject() : buffer.toJsonObject();
            if (path.startsWith("/v1/transit/encrypt/")) {
                reply(request, 200, new JsonObject().put("data", batchOrSingle(body, item -> {
                    String ciphertext = "vault:v1:" + Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes());
                    PLAINTEXTS.put(ciphertext, item.getString("plaintext"));
                    return new JsonObject().put("ciphertext", ciphertext).put("key_version", 1);
                })));
            } else if (path.startsWith("/v1/transit/decrypt/")) {
                reply(request, 200, new JsonObject().put("data", batchOrSingle(body, item -> {
                    String plaintext = PLAINTEXTS.get(item.getString("ciphertext"));
                    return plaintext == null ? new JsonObject().put("error", "invalid ciphertext") : new JsonObject().put("plaintext", plaintext);
                })));
            } else if (path.startsWith("/v1/transit/rewrap/")) {
                reply(request, 200, new JsonObject().put("data", batchOrSingle(body, item -> {
                    String plaintext = PLAINTEXTS.get(item.getString("ciphertext"));
                    if (plaintext == null) {
                        return new JsonObject().put("error", "invalid ciphertext");
                    }
                    String ciphertext = "vault:v2:" + Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes());
                    PLAINTEXTS.put(ciphertext, plaintext);
                    return new JsonObject().put("ciphertext", ciphertext).put("key_version", 2);
                })));
            } else if (path.startsWith("/v1/transit/sign/")) {
                reply(request, 200, new JsonObject().put("data", batchOrSingle(body, item -> new JsonObject()
                        .put("signature", "vault:v1:" + Base64.getEncoder().encodeToString(sign(Base64.getDecoder().decode(item.getString("input")))))
                        .put("key_version", 1))));
            } else if (path.equals("/v1/transit/keys/checkpoint-signing") && request.method().name().equals("GET")) {
                reply(request, 200, new JsonObject().put("data", new JsonObject()
                        .put("name", "checkpoint-signing").put("type", "ed25519")
                        .put("latest_version", 1).put("min_decryption_version", 1).put("min_encryption_version", 0)
                        .put("supports_signing", true).put("supports_encryption", false).put("supports_decryption", false)
                        .put("supports_derivation", true).put("deletion_allowed", false).put("exportable", false)
                        .put("derived", false).put("allow_plaintext_backup", false).put("min_available_version", 0)
                        .put("auto_rotate_period", 0).put("imported_key", false)
                        .put("keys", new JsonObject().put("1", new JsonObject()
                                .put("name", "ed25519").put("creation_time", "2026-11-29T00:00:00Z")
                                .put("public_key", Base64.getEncoder().encodeToString(rawPublicKey()))))));
            } else if (path.startsWith("/v1/transit/keys/") && request.method().name().equals("GET")) {
                reply(request, 200, new JsonObject().put("data", new JsonObject()
                        .put("name", path.substring("/v1/transit/keys/".length())).put("type", "aes256-gcm96")
                        .put("latest_version", 1).put("min_decryption_version", 1).put("min_encryption_version", 0)
                        .put("supports_signing", false).put("supports_encryption", true).put("supports_decryption", true)
                        .put("supports_derivation", true).put("deletion_allowed", false).put("exportable", false)
                        .put("derived", false).put("allow_plaintext_backup", false).put("min_available_version", 0)
                        .put("auto_rotate_period", 0).put("imported_key", false)
                        .put("keys", new JsonObject().put("1", 1764374400))));
            } else {
                reply(request, 404, new JsonObject().put("errors", new JsonArray()));
            }
        });
    }

    private static JsonObject batchOrSingle(JsonObject body, java.util.function.Function<JsonObject, JsonObject> operation) {
        JsonArray batch = body.getJsonArray("batch_input");
        if (batch == null) {
            return operation.apply(body);
        }
        JsonArray results = new JsonArray();
        batch.forEach(item -> results.add(operation.apply((JsonObject) item)));
        return new JsonObject().put("batch_results", results);
    }

    private static byte[] sign(byte[] input) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(signingKey.getPrivate());
            signer.update(input);
            return signer.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rawPublicKey() {
        byte[] x509 = signingKey.getPublic().getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    private static void reply(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
