package io.privacygate.testing.vault;

import com.fasterxml.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transit secrets engine's HTTP API (Vault's "Transit Secrets Engine (API)" page), mounted at {@code transit}:
 * key create, read, delete, rotate, config and trim; encrypt, decrypt, rewrap, datakey, hmac, sign and verify, each
 * with its {@code batch_input} form where the documentation has one.
 */
final class TransitApi {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)([smhd])");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, TransitKey> keys = new ConcurrentHashMap<>();

    /** {@code path} is what follows {@code /v1/transit/}. */
    Reply handle(String method, String path, JsonNode body) {
        String[] segments = path.split("/");
        String operation = segments[0];
        if (segments.length < 2) {
            throw VaultError.unsupportedPath();
        }
        String name = segments[1];
        String suffix = segments.length > 2 ? segments[2] : null;
        if (segments.length > 3 && !operation.equals("datakey")) {
            throw VaultError.unsupportedPath();
        }
        if (operation.equals("keys")) {
            return keys(method, name, suffix, body);
        }
        requirePost(method);
        return switch (operation) {
            case "encrypt" -> batchOrSingle(body, item -> {
                TransitKey key = keys.computeIfAbsent(name, created -> new TransitKey(created, TransitKeyType.of(
                        body.path("type").asText(TransitKeyType.AES256_GCM96.vaultName()))));
                String ciphertext = key.encrypt(base64(item, "plaintext"), version(item, body));
                return Map.of("ciphertext", ciphertext, "key_version", versionOf(ciphertext));
            });
            case "decrypt" -> {
                TransitKey key = existing(name, "encryption key not found");
                yield batchOrSingle(body, item -> Map.of("plaintext",
                        Base64.getEncoder().encodeToString(key.decrypt(text(item, "ciphertext")))));
            }
            case "rewrap" -> {
                TransitKey key = existing(name, "encryption key not found");
                yield batchOrSingle(body, item -> {
                    String ciphertext = key.rewrap(text(item, "ciphertext"), version(item, body));
                    return Map.of("ciphertext", ciphertext, "key_version", versionOf(ciphertext));
                });
            }
            case "datakey" -> datakey(segments, body);
            case "hmac" -> {
                TransitKey key = existing(name, "encryption key not found");
                String algorithm = suffix != null ? suffix : body.path("algorithm").asText("sha2-256");
                yield batchOrSingle(body, item -> {
                    if (!item.has("input") && item != body) {
                        throw VaultError.badRequest("missing input for HMAC");
                    }
                    return Map.of("hmac", key.hmac(base64(item, "input"), algorithm, version(item, body)));
                });
            }
            case "sign" -> {
                TransitKey key = existing(name, "signing key not found");
                yield batchOrSingle(body, item -> {
                    if (!item.has("input") && item != body) {
                        throw VaultError.badRequest("missing input");
                    }
                    String signature = key.sign(base64(item, "input"), version(item, body));
                    return Map.of("signature", signature, "key_version", versionOf(signature));
                });
            }
            case "verify" -> {
                TransitKey key = existing(name, "signature verification key not found");
                String algorithm = suffix != null ? suffix : body.path("algorithm").asText("sha2-256");
                yield batchOrSingle(body, item -> Map.of("valid", verify(key, item, algorithm)));
            }
            default -> throw VaultError.unsupportedPath();
        };
    }

    TransitKey create(String name, TransitKeyType type) {
        return keys.computeIfAbsent(name, created -> new TransitKey(created, type));
    }

    TransitKey existing(String name, String message) {
        TransitKey key = keys.get(name);
        if (key == null) {
            throw VaultError.badRequest(message);
        }
        return key;
    }

    private Reply keys(String method, String name, String suffix, JsonNode body) {
        if (suffix == null) {
            return switch (method) {
                case "GET" -> {
                    TransitKey key = keys.get(name);
                    if (key == null) {
                        throw VaultError.notFound();
                    }
                    yield Reply.data(key.read());
                }
                case "POST", "PUT" -> {
                    TransitKey key = create(name, TransitKeyType.of(body.path("type").asText("aes256-gcm96")));
                    if (body.has("auto_rotate_period")) {
                        key.configure(null, null, null, seconds(body.get("auto_rotate_period")));
                    }
                    yield Reply.data(key.read());
                }
                case "DELETE" -> {
                    TransitKey key = keys.get(name);
                    if (key != null && !key.deletionAllowed()) {
                        throw VaultError.badRequest("deletion is not allowed for this key");
                    }
                    keys.remove(name);
                    yield Reply.noContent();
                }
                default -> throw VaultError.unsupportedOperation();
            };
        }
        requirePost(method);
        TransitKey key = existing(name, "key not found");
        switch (suffix) {
            case "rotate" -> key.rotate();
            case "config" -> key.configure(integer(body, "min_decryption_version"), integer(body, "min_encryption_version"),
                    body.has("deletion_allowed") ? body.get("deletion_allowed").asBoolean() : null,
                    body.has("auto_rotate_period") ? seconds(body.get("auto_rotate_period")) : null);
            case "trim" -> {
                Integer minAvailable = integer(body, "min_available_version");
                if (minAvailable == null) {
                    throw VaultError.badRequest("missing min_available_version");
                }
                key.trim(minAvailable);
            }
            default -> throw VaultError.unsupportedPath();
        }
        return Reply.data(key.read());
    }

    /** "Generate Data Key": {@code plaintext} answers the new key and its ciphertext, {@code wrapped} only the latter. */
    private Reply datakey(String[] segments, JsonNode body) {
        if (segments.length != 3 || !List.of("plaintext", "wrapped").contains(segments[1])) {
            throw VaultError.unsupportedPath();
        }
        TransitKey key = existing(segments[2], "encryption key not found");
        int bits = body.path("bits").asInt(256);
        if (bits != 128 && bits != 256 && bits != 512) {
            throw VaultError.badRequest("invalid bits length");
        }
        byte[] dataKey = new byte[bits / 8];
        RANDOM.nextBytes(dataKey);
        String ciphertext = key.encrypt(dataKey, 0);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ciphertext", ciphertext);
        data.put("key_version", versionOf(ciphertext));
        if (segments[1].equals("plaintext")) {
            data.put("plaintext", Base64.getEncoder().encodeToString(dataKey));
        }
        return Reply.data(data);
    }

    private static boolean verify(TransitKey key, JsonNode item, String algorithm) {
        String signature = text(item, "signature");
        String hmac = text(item, "hmac");
        if ((signature == null) == (hmac == null)) {
            throw VaultError.badRequest("provide one of 'signature' or 'hmac'");
        }
        byte[] input = base64(item, "input");
        return signature != null ? key.verifySignature(input, signature) : key.verifyHmac(input, algorithm, hmac);
    }

    /**
     * One item, or {@code batch_input}: each item answers a result or an {@code error}, in order. A batch in which an
     * item failed is answered 400, or {@code partial_failure_response_code} when some items succeeded.
     */
    private static Reply batchOrSingle(JsonNode body, Function<JsonNode, Map<String, Object>> operation) {
        JsonNode batch = body.get("batch_input");
        if (batch == null || batch.isNull()) {
            return Reply.data(operation.apply(body));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        boolean failed = false;
        boolean succeeded = false;
        for (JsonNode item : batch) {
            try {
                results.add(operation.apply(item));
                succeeded = true;
            } catch (VaultError e) {
                results.add(Map.of("error", String.join("; ", e.errors())));
                failed = true;
            }
        }
        int status = !failed ? 200 : succeeded && body.has("partial_failure_response_code")
                ? body.get("partial_failure_response_code").asInt() : 400;
        return new Reply(status, Reply.envelope(Map.of("batch_results", results), null));
    }

    private static void requirePost(String method) {
        if (!method.equals("POST") && !method.equals("PUT")) {
            throw VaultError.unsupportedOperation();
        }
    }

    /** The item's {@code key_version}, else the request's, else 0 (the latest). */
    private static int version(JsonNode item, JsonNode body) {
        Integer version = integer(item, "key_version");
        return version != null ? version : body.path("key_version").asInt(0);
    }

    private static int versionOf(String value) {
        return Integer.parseInt(value.split(":")[1].substring(1));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() && !value.asText().matches("-?\\d+")) {
            throw VaultError.badRequest("invalid value for " + field);
        }
        return value.isNumber() ? value.asInt() : Integer.parseInt(value.asText());
    }

    private static byte[] base64(JsonNode node, String field) {
        try {
            return Base64.getDecoder().decode(node.path(field).asText(""));
        } catch (IllegalArgumentException e) {
            throw VaultError.badRequest("unable to decode " + field + " as base64");
        }
    }

    /** A Vault duration: seconds as a number, or {@code 90d}, {@code 24h}, {@code 1h30m}... */
    private static long seconds(JsonNode value) {
        if (value.isNumber() || value.asText().matches("\\d+")) {
            return value.asLong();
        }
        Matcher parts = DURATION_PART.matcher(value.asText());
        long seconds = 0;
        int end = 0;
        while (parts.find() && parts.start() == end) {
            long amount = Long.parseLong(parts.group(1));
            seconds += switch (parts.group(2)) {
                case "s" -> amount;
                case "m" -> amount * 60;
                case "h" -> amount * 3600;
                default -> amount * 86_400;
            };
            end = parts.end();
        }
        if (end == 0 || end != value.asText().length()) {
            throw VaultError.badRequest("invalid duration");
        }
        return seconds;
    }
}
