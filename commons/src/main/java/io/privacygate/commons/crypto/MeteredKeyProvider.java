package io.privacygate.commons.crypto;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Wraps whichever provider is configured, in one place for {@code local} and {@code vault}: counts every failure for
 * breach monitoring (Art. 33), and meters every call as {@code privacygate.keys.calls} (provider, operation,
 * outcome) and {@code privacygate.keys.call} (latency). Tags never carry a key's material, a wrapped key or a
 * subject: only the provider kind and the operation's name.
 */
final class MeteredKeyProvider implements KeyProvider {
    static final String CALLS = "privacygate.keys.calls";
    static final String LATENCY = "privacygate.keys.call";

    private final KeyProvider delegate;
    private final String provider;
    private final CryptoFailures failures;
    private final MeterRegistry registry;

    MeteredKeyProvider(KeyProvider delegate, KeysConfig.ProviderKind provider, CryptoFailures failures,
                       MeterRegistry registry) {
        this.delegate = delegate;
        this.provider = provider.name().toLowerCase(Locale.ROOT);
        this.failures = failures;
        this.registry = registry;
    }

    /** The provider configuration selected, which this one passes every call to. */
    KeyProvider configured() {
        return delegate;
    }

    @Override
    public Uni<String> wrap(WrappingKey kek, byte[] key) {
        return metered("wrap", () -> delegate.wrap(kek, key));
    }

    @Override
    public Uni<byte[]> unwrap(WrappingKey kek, String wrapped) {
        return metered("unwrap", () -> delegate.unwrap(kek, wrapped));
    }

    @Override
    public Uni<String> rewrap(WrappingKey kek, String wrapped) {
        return metered("rewrap", () -> delegate.rewrap(kek, wrapped));
    }

    @Override
    public Uni<String> currentPrefix(WrappingKey kek) {
        return metered("current-prefix", () -> delegate.currentPrefix(kek));
    }

    @Override
    public Uni<Void> rotate() {
        return metered("rotate", delegate::rotate);
    }

    @Override
    public Uni<KekVersions> versions(WrappingKey kek) {
        return metered("versions", () -> delegate.versions(kek));
    }

    @Override
    public Uni<Void> retire(WrappingKey kek, int minVersion) {
        return metered("retire", () -> delegate.retire(kek, minVersion));
    }

    @Override
    public Uni<SignatureResult> sign(byte[] message) {
        return metered("sign", () -> delegate.sign(message));
    }

    @Override
    public Uni<List<SigningKey>> signingKeys() {
        return metered("signing-keys", () -> delegate.signingKeys());
    }

    /** Timed from subscription, since a Uni does nothing until then. */
    private <T> Uni<T> metered(String operation, Supplier<Uni<? extends T>> call) {
        return Uni.createFrom().<T>deferred(() -> {
                    Timer.Sample started = Timer.start(registry);
                    return Uni.createFrom().<T>deferred(call)
                            .onItemOrFailure().invoke((item, failure) -> record(operation, started, failure == null));
                })
                .onFailure(KeyUnavailableException.class).invoke(failures::keyUnavailable);
    }

    private void record(String operation, Timer.Sample started, boolean success) {
        started.stop(Timer.builder(LATENCY)
                .description("Latency of key-provider calls")
                .tags("provider", provider, "operation", operation)
                .register(registry));
        Counter.builder(CALLS)
                .description("Key-provider calls by outcome")
                .tags("provider", provider, "operation", operation, "outcome", success ? "success" : "failure")
                .register(registry)
                .increment();
    }
}
