package io.privacygate.testing.vault;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's tokens (token auth method): each has an id, an accessor, policies, metadata and a lease; a token
 * that is unknown, revoked or past its lease is refused with 403 {@code permission denied}, as Vault refuses it.
 * What a token may call is decided by its policies ({@link Policies}).
 */
final class TokenStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    record Token(String id, String accessor, String displayName, String path, List<String> policies,
                 Map<String, String> metadata, Instant issued, Duration ttl) {
        /** A zero TTL never expires, as the root token. */
        boolean expiredAt(Instant now) {
            return !ttl.isZero() && now.isAfter(issued.plus(ttl));
        }

        /** The {@code auth} block of a login or renew answer. */
        Map<String, Object> auth() {
            Map<String, Object> auth = new LinkedHashMap<>();
            auth.put("client_token", id);
            auth.put("accessor", accessor);
            auth.put("policies", policies);
            auth.put("token_policies", policies);
            auth.put("metadata", metadata);
            auth.put("lease_duration", ttl.toSeconds());
            auth.put("renewable", !ttl.isZero());
            auth.put("entity_id", "");
            auth.put("token_type", "service");
            auth.put("orphan", true);
            return auth;
        }

        /** The {@code data} of "Lookup a Token (Self)". */
        Map<String, Object> lookup(Instant now) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("accessor", accessor);
            data.put("creation_time", issued.getEpochSecond());
            data.put("creation_ttl", ttl.toSeconds());
            data.put("display_name", displayName);
            data.put("entity_id", "");
            data.put("expire_time", ttl.isZero() ? null : issued.plus(ttl).toString());
            data.put("explicit_max_ttl", 0);
            data.put("id", id);
            data.put("issue_time", issued.toString());
            data.put("meta", metadata.isEmpty() ? null : metadata);
            data.put("num_uses", 0);
            data.put("orphan", true);
            data.put("path", path);
            data.put("policies", policies);
            data.put("renewable", !ttl.isZero());
            data.put("ttl", ttl.isZero() ? 0 : Math.max(0, Duration.between(now, issued.plus(ttl)).toSeconds()));
            data.put("type", "service");
            return data;
        }
    }

    /** A new token; {@code id} {@code null} draws a random one. */
    Token issue(String id, String displayName, String path, List<String> policies, Map<String, String> metadata,
                Duration ttl) {
        Token token = new Token(id != null ? id : "hvs." + random(), random(), displayName, path, List.copyOf(policies),
                Map.copyOf(metadata), Instant.now(), ttl);
        tokens.put(token.id(), token);
        return token;
    }

    /** The token a request carries, or 403 {@code permission denied}. */
    Token authenticate(String id) {
        Token token = id == null ? null : tokens.get(id);
        if (token == null || token.expiredAt(Instant.now())) {
            throw VaultError.permissionDenied();
        }
        return token;
    }

    /** "Renew a Token (Self)": the lease starts again from now. */
    Token renew(Token token) {
        Token renewed = new Token(token.id(), token.accessor(), token.displayName(), token.path(), token.policies(),
                token.metadata(), Instant.now(), token.ttl());
        tokens.put(renewed.id(), renewed);
        return renewed;
    }

    void revoke(String id) {
        tokens.remove(id);
    }

    private static String random() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
