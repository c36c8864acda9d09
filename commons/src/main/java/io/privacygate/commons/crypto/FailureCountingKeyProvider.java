package io.privacygate.commons.crypto;

import io.smallrye.mutiny.Uni;

import java.util.List;

/** Counts every key-provider failure for breach monitoring, whichever provider is configured. */
final class FailureCountingKeyProvider implements KeyProvider {
    private final KeyProvider delegate;
    private final CryptoFailures failures;

    FailureCountingKeyProvider(KeyProvider delegate, CryptoFailures failures) {
        this.delegate = delegate;
        this.failures = failures;
    }

    /** The provider configuration selected, which this one passes every call to. */
    KeyProvider configured() {
        return delegate;
    }

    @Override
    public Uni<String> wrap(WrappingKey kek, byte[] key) {
        return counted(delegate.wrap(kek, key));
    }

    @Override
    public Uni<byte[]> unwrap(WrappingKey kek, String wrapped) {
        return counted(delegate.unwrap(kek, wrapped));
    }

    @Override
    public Uni<String> rewrap(WrappingKey kek, String wrapped) {
        return counted(delegate.rewrap(kek, wrapped));
    }

    @Override
    public Uni<String> currentPrefix(WrappingKey kek) {
        return counted(delegate.currentPrefix(kek));
    }

    @Override
    public Uni<SignatureResult> sign(byte[] message) {
        return counted(delegate.sign(message));
    }

    @Override
    public Uni<List<SigningKey>> signingKeys() {
        return counted(delegate.signingKeys());
    }

    private <T> Uni<T> counted(Uni<T> call) {
        return call.onFailure(KeyUnavailableException.class).invoke(failures::keyUnavailable);
    }
}
