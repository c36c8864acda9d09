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

    /** Re-encrypts a wrapped key under the newest KEK version, without exposing it where avoidable. */
    Uni<String> rewrap(WrappingKey kek, String wrapped);

    /** The prefix every key wrapped under the newest KEK version starts with, e.g. {@code local:v2:}. */
    Uni<String> currentPrefix(WrappingKey kek);

    /**
     * Adds a new version of every KEK this service uses. New wraps use it at once; {@link #rewrap} moves the older
     * ones to it.
     */
    Uni<Void> rotate();

    /** The newest version of a KEK, and the oldest it still decrypts. */
    Uni<KekVersions> versions(WrappingKey kek);

    /**
     * Refuses from now on every key wrapped under a version of {@code kek} below {@code minVersion}, in this
     * service and in any backup of it: the caller has checked that nothing live still needs one.
     */
    Uni<Void> retire(WrappingKey kek, int minVersion);

    /** An Ed25519 signature under the checkpoint signing key. */
    Uni<SignatureResult> sign(byte[] message);

    /** Every public key that may have signed a checkpoint still in use, newest last. */
    Uni<List<SigningKey>> signingKeys();

    record SignatureResult(String keyId, byte[] signature) {
    }

    record KekVersions(int latest, int minDecryption) {
    }
}
