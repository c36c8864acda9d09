package io.privacygate.commons.crypto;

import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Holds the key-encryption keys and the checkpoint signing key. Every failure surfaces as
 * {@link KeyUnavailableException}, so callers fail closed.
 */
public interface KeyProvider {

    /** Encrypts a key under the given KEK; the result names the KEK version it needs. */
    Uni<String> wrap(WrappingKey kek, byte[] key);

    Uni<byte[]> unwrap(WrappingKey kek, String wrapped);

    /** An Ed25519 signature under the checkpoint signing key. */
    Uni<SignatureResult> sign(byte[] message);

    /** Every public key that may have signed a checkpoint still in use, newest last. */
    Uni<List<SigningKey>> signingKeys();

    record SignatureResult(String keyId, byte[] signature) {
    }
}
