package io.privacygate.commons.crypto;

import io.smallrye.mutiny.Uni;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A key of the service itself (not of a subject), kept in {@code managed_key} with its secret wrapped by a KEK:
 * created by the first replica that needs it, unwrapped on first use and then held in memory, so using it costs no
 * key-provider call.
 *
 * @param <T> the key as its users need it (a {@code Mac} key, a cipher, a signing JWK)
 */
public final class ManagedKey<T> {
    private final String name;
    private final WrappingKey kek;
    private final KeyProvider provider;
    private final ManagedKeyStore store;
    private final Supplier<Generated> generate;
    private final BiFunction<String, byte[], T> open;
    private volatile T loaded;

    /** A freshly generated key: its secret (to be wrapped) and a public part stored as it is, or null. */
    public record Generated(byte[] secret, String publicPart) {
    }

    private ManagedKey(String name, WrappingKey kek, KeyProvider provider, ManagedKeyStore store,
                       Supplier<Generated> generate, BiFunction<String, byte[], T> open) {
        this.name = name;
        this.kek = kek;
        this.provider = provider;
        this.store = store;
        this.generate = generate;
        this.open = open;
    }

    /** A random 256-bit secret, opened as {@code open} makes it. */
    public static <T> ManagedKey<T> secret(String name, WrappingKey kek, KeyProvider provider, ManagedKeyStore store,
                                           Function<byte[], T> open) {
        return new ManagedKey<>(name, kek, provider, store, () -> new Generated(AesGcm.newKey(), null),
                (publicPart, secret) -> open.apply(secret));
    }

    /** A key pair: {@code generate} returns the private half to wrap and the public half; {@code open} joins them. */
    public static <T> ManagedKey<T> keyPair(String name, WrappingKey kek, KeyProvider provider, ManagedKeyStore store,
                                            Supplier<Generated> generate, BiFunction<String, byte[], T> open) {
        return new ManagedKey<>(name, kek, provider, store, generate, open);
    }

    public Uni<T> get() {
        T key = loaded;
        if (key != null) {
            return Uni.createFrom().item(key);
        }
        return store.getOrCreate(name, kek, this::wrapNew)
                .chain(stored -> provider.unwrap(kek, stored.wrappedKey())
                        .map(secret -> open.apply(stored.publicKey(), secret)))
                .invoke(opened -> loaded = opened);
    }

    private Uni<ManagedKeyStore.StoredKey> wrapNew() {
        Generated generated;
        try {
            generated = generate.get();
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new KeyUnavailableException("The key " + name + " cannot be generated.", e));
        }
        return provider.wrap(kek, generated.secret())
                .map(wrapped -> new ManagedKeyStore.StoredKey(wrapped, generated.publicPart()));
    }
}
