package io.privacygate.consent.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * RS256 tokens for a packaged service that verifies them against a static public key
 * ({@code quarkus.oidc.public-key}), so that no OIDC server is needed and verification costs what it
 * costs with Keycloak's keys. Shaped like Keycloak's: roles in {@code groups}, a subject id.
 */
public final class StaticKeyTokens {
    private static final String ISSUER = "https://tokens.privacy-gate.invalid";
    private final RSAKey key;

    public StaticKeyTokens() {
        try {
            this.key = new RSAKeyGenerator(2048).keyID("static-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA is unavailable", e);
        }
    }

    /** The value of {@code quarkus.oidc.public-key}: the X.509 public key, base64. */
    public String publicKey() {
        try {
            return Base64.getEncoder().encodeToString(key.toRSAPublicKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return ISSUER;
    }

    public String token(String clientOrUser, Duration validFor, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(clientOrUser.getBytes()).toString())
                .claim("preferred_username", clientOrUser)
                .claim("groups", List.of(roles))
                .audience("consent-service")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
