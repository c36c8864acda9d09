package io.privacygate.testing.vault;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;

/**
 * One version of a transit key: its key material (an AES-256 key or an Ed25519 key pair) and, as in Vault, an HMAC
 * key of its own, so that {@code hmac/:name} is versioned like encryption.
 */
record TransitKeyVersion(int version, Instant created, SecretKey aesKey, KeyPair signingKeys, byte[] hmacKey) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static TransitKeyVersion generate(TransitKeyType type, int version) {
        try {
            byte[] hmacKey = new byte[32];
            RANDOM.nextBytes(hmacKey);
            return switch (type) {
                case AES256_GCM96 -> {
                    KeyGenerator generator = KeyGenerator.getInstance("AES");
                    generator.init(256, RANDOM);
                    yield new TransitKeyVersion(version, Instant.now(), generator.generateKey(), null, hmacKey);
                }
                case ED25519 -> new TransitKeyVersion(version, Instant.now(), null,
                        KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), hmacKey);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks " + type.vaultName(), e);
        }
    }

    /** The raw 32-byte Ed25519 public key, base64 as the key read shows it: the tail of its X.509 encoding. */
    byte[] rawPublicKey() {
        byte[] x509 = signingKeys.getPublic().getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }
}
