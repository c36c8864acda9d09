package io.privacygate.testing.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.PublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kubernetes auth method ({@code auth/kubernetes}): login takes a role and a service-account JWT, checks the
 * JWT's signature against the configured public key ({@code pem_keys}) and its service-account name and namespace
 * against the role's bound names, then issues a token with the role's policies and lease. Unlike Vault it does not
 * ask the cluster's TokenReview API whether the token is still valid: there is no cluster.
 */
final class KubernetesAuth {
    /** The claims of a legacy service-account token; projected tokens nest them under {@code kubernetes.io}. */
    private static final String NAME_CLAIM = "kubernetes.io/serviceaccount/service-account.name";
    private static final String NAMESPACE_CLAIM = "kubernetes.io/serviceaccount/namespace";
    private static final String UID_CLAIM = "kubernetes.io/serviceaccount/service-account.uid";

    private final Map<String, Role> roles = new ConcurrentHashMap<>();
    private volatile PublicKey issuerKey;

    /**
     * A role: which service accounts (names and namespaces, {@code *} for any) may log in, for tokens of which
     * audience ({@code null}: any), and what they get.
     */
    record Role(String name, List<String> serviceAccountNames, List<String> namespaces, String audience,
                List<String> policies, Duration ttl) {
    }

    void configure(PublicKey serviceAccountIssuerKey) {
        issuerKey = serviceAccountIssuerKey;
    }

    void role(Role role) {
        roles.put(role.name(), role);
    }

    TokenStore.Token login(JsonNode body, TokenStore tokens) {
        String roleName = text(body, "role");
        String jwt = text(body, "jwt");
        if (roleName == null) {
            throw VaultError.badRequest("missing role");
        }
        if (jwt == null) {
            throw VaultError.badRequest("missing jwt");
        }
        Role role = roles.get(roleName);
        if (role == null) {
            throw VaultError.badRequest("invalid role name");
        }
        JWTClaimsSet claims = verified(jwt);
        if (role.audience() != null && !claims.getAudience().contains(role.audience())) {
            throw VaultError.forbidden("invalid audience (aud) claim");
        }
        ServiceAccount account = ServiceAccount.of(claims);
        if (!bound(role.serviceAccountNames(), account.name())) {
            throw VaultError.forbidden("service account name not authorized");
        }
        if (!bound(role.namespaces(), account.namespace())) {
            throw VaultError.forbidden("namespace not authorized");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("role", role.name());
        metadata.put("service_account_name", account.name());
        metadata.put("service_account_namespace", account.namespace());
        metadata.put("service_account_uid", Objects.requireNonNullElse(account.uid(), ""));
        // Vault gives every token the default policy beside the role's (token_no_default_policy is false).
        List<String> policies = new ArrayList<>(List.of("default"));
        policies.addAll(role.policies());
        return tokens.issue(null, "kubernetes-" + account.namespace() + "-" + account.name(), "auth/kubernetes/login",
                policies, metadata, role.ttl());
    }

    private JWTClaimsSet verified(String jwt) {
        PublicKey key = issuerKey;
        if (key == null) {
            throw VaultError.badRequest("could not load backend configuration");
        }
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(signed.getHeader(), key);
            JWTClaimsSet claims = signed.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (!signed.verify(verifier) || expires != null && expires.before(new Date())) {
                throw VaultError.permissionDenied();
            }
            return claims;
        } catch (ParseException | JOSEException e) {
            throw VaultError.permissionDenied();
        }
    }

    private static boolean bound(List<String> allowed, String value) {
        return value != null && (allowed.contains("*") || allowed.contains(value));
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    private record ServiceAccount(String name, String namespace, String uid) {
        @SuppressWarnings("unchecked")
        static ServiceAccount of(JWTClaimsSet claims) {
            Object projected = claims.getClaim("kubernetes.io");
            if (projected instanceof Map<?, ?> kubernetes) {
                Object account = kubernetes.get("serviceaccount");
                Map<String, Object> serviceAccount = account instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
                return new ServiceAccount((String) serviceAccount.get("name"), (String) kubernetes.get("namespace"),
                        (String) serviceAccount.get("uid"));
            }
            return new ServiceAccount((String) claims.getClaim(NAME_CLAIM), (String) claims.getClaim(NAMESPACE_CLAIM),
                    (String) claims.getClaim(UID_CLAIM));
        }
    }
}
