package io.privacygate.commons.crypto;

/**
 * Where crypto reports its failures for breach monitoring (Art. 33). The counter lives in {@code security}, which
 * builds on crypto; crypto only names what it reports, so the dependency runs one way.
 */
public interface CryptoFailures {
    /** A ciphertext did not authenticate under the subject's key. */
    void decryptionFailed();

    /** The key provider could not be reached or refused a key. */
    void keyUnavailable();
}
