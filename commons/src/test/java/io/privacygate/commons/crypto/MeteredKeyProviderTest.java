package io.privacygate.commons.crypto;

import io.privacygate.commons.security.SecurityAction;
import io.privacygate.commons.security.SecurityFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeteredKeyProviderTest {

    /** A provider that is down: every call fails closed, as the real ones do when Vault or the keyring is unreachable. */
    static final class Unreachable implements KeyProvider {
        private static <T> Uni<T> down() {
            return Uni.createFrom().failure(new KeyUnavailableException("down", null));
        }

        @Override public Uni<String> wrap(WrappingKey kek, byte[] key) { return down(); }
        @Override public Uni<byte[]> unwrap(WrappingKey kek, String wrapped) { return down(); }
        @Override public Uni<String> rewrap(WrappingKey kek, String wrapped) { return down(); }
        @Override public Uni<String> currentPrefix(WrappingKey kek) { return Uni.createFrom().item("local:v1:"); }
        @Override public Uni<Void> rotate() { return down(); }
        @Override public Uni<KekVersions> versions(WrappingKey kek) { return down(); }
        @Override public Uni<Void> retire(WrappingKey kek, int minVersion) { return down(); }
        @Override public Uni<SignatureResult> sign(byte[] message) { return down(); }
        @Override public Uni<List<SigningKey>> signingKeys() { return down(); }
    }

    @Test
    void countsEachFailureAndStillFailsTheCall() {
        SecurityFailures failures = new SecurityFailures();
        KeyProvider provider = new MeteredKeyProvider(new Unreachable(), KeysConfig.ProviderKind.VAULT, failures,
                new SimpleMeterRegistry());

        assertThatThrownBy(() -> provider.unwrap(WrappingKey.SUBJECT_KEK, "local:v1:x").await().indefinitely())
                .isInstanceOf(KeyUnavailableException.class);
        assertThatThrownBy(() -> provider.sign(new byte[1]).await().indefinitely()).isInstanceOf(KeyUnavailableException.class);
        assertThat(provider.currentPrefix(WrappingKey.SUBJECT_KEK).await().indefinitely()).isEqualTo("local:v1:");

        assertThat(failures.drain()).containsExactlyEntriesOf(Map.of(
                new SecurityFailures.Tally(SecurityAction.KEY_UNAVAILABLE, null, 0), 2L));
    }

    @Test
    void metersEachCallByProviderOperationAndOutcomeOnceSubscribed() {
        MeterRegistry registry = new SimpleMeterRegistry();
        KeyProvider provider = new MeteredKeyProvider(new Unreachable(), KeysConfig.ProviderKind.VAULT,
                new SecurityFailures(), registry);

        Uni<byte[]> notYetSubscribed = provider.unwrap(WrappingKey.SUBJECT_KEK, "vault:v1:x");
        assertThat(registry.find(MeteredKeyProvider.CALLS).counters()).isEmpty();
        assertThatThrownBy(() -> notYetSubscribed.await().indefinitely()).isInstanceOf(KeyUnavailableException.class);
        provider.currentPrefix(WrappingKey.SUBJECT_KEK).await().indefinitely();

        assertThat(registry.get(MeteredKeyProvider.CALLS)
                .tags("provider", "vault", "operation", "unwrap", "outcome", "failure").counter().count()).isEqualTo(1);
        assertThat(registry.get(MeteredKeyProvider.CALLS)
                .tags("provider", "vault", "operation", "current-prefix", "outcome", "success").counter().count()).isEqualTo(1);
        assertThat(registry.get(MeteredKeyProvider.LATENCY).tags("operation", "unwrap").timer().count()).isEqualTo(1);
    }
}
