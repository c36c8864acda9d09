package io.privacygate.testing.vault;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for a Kubernetes API server's service-account token issuer: an RSA key pair that signs (RS256)
 * service-account JWTs with the claims of a legacy token ({@code kubernetes.io/serviceaccount/...}), for the
 * emulator's Kubernetes login. {@link #publicKey()} is what {@code auth/kubernetes/config} takes as {@code pem_keys}.
 */
public final class ServiceAccountJwts {
    private final KeyPair keys;

    public ServiceAccountJwts() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks RSA", e);
        }
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** A legacy (secret-based) token for service account {@code name} in {@code namespace}, valid for an hour. */
    public String token(String namespace, String name) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer("kubernetes/serviceaccount")
                .subject("system:serviceaccount:" + namespace + ":" + name)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("kubernetes.io/serviceaccount/namespace", namespace)
                .claim("kubernetes.io/serviceaccount/service-account.name", name)
                .claim("kubernetes.io/serviceaccount/service-account.uid", UUID.randomUUID().toString())
                .claim("kubernetes.io/serviceaccount/secret.name", name + "-token")
                .build());
    }

    /**
     * A projected token, as a pod mounts it with {@code serviceAccountToken.audience}: the claims nest under
     * {@code kubernetes.io}, and {@code aud} names {@code audience}.
     */
    public String projectedToken(String namespace, String name, String audience) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer("https://kubernetes.default.svc.cluster.local")
                .audience(audience)
                .subject("system:serviceaccount:" + namespace + ":" + name)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("kubernetes.io", Map.of("namespace", namespace,
                        "serviceaccount", Map.of("name", name, "uid", UUID.randomUUID().toString())))
                .build());
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing the service-account token failed", e);
        }
        return jwt.serialize();
    }
}
