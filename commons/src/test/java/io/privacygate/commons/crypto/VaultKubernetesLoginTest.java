package io.privacygate.commons.crypto;

import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.vault.VaultEmulatorResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vault provider logged in as it is in Kubernetes: quarkus-vault's Kubernetes auth with the pod's projected
 * service-account JWT (audience {@code vault}), which the emulator verifies against the role's bound service account
 * and namespace before any transit call is allowed. No client token is configured.
 */
@QuarkusTest
@TestProfile(VaultKubernetesLoginTest.ThroughKubernetesAuth.class)
class VaultKubernetesLoginTest {
    @Inject
    KeyProvider keyProvider;

    public static class ThroughKubernetesAuth implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class),
                    new TestResourceEntry(OidcWiremockTestResource.class),
                    new TestResourceEntry(RecordingReceiver.class),
                    new TestResourceEntry(VaultEmulatorResource.class, Map.of("auth", "kubernetes")));
        }
    }

    /**
     * deploy/vault/setup.sh gives the services' tokens {@code token_ttl=1h}, as the emulator's role does here. A token
     * whose whole lease is within quarkus-vault's renew grace period is renewed before every call: twice the calls
     * to Vault, and twice the latency on every unwrap.
     */
    @Test
    void aLoginTokenWithAnHourLeaseServesManyCallsWithoutARenewalBeforeEach() {
        List<String> before = VaultEmulatorResource.emulator().requests();

        for (int i = 0; i < 5; i++) {
            keyProvider.wrap(WrappingKey.SUBJECT_KEK, AesGcm.newKey()).await().atMost(Duration.ofSeconds(10));
        }

        List<String> calls = VaultEmulatorResource.emulator().requests().subList(before.size(),
                VaultEmulatorResource.emulator().requests().size());
        assertThat(calls).filteredOn(call -> call.startsWith("POST /v1/transit/")).hasSize(5);
        assertThat(calls).filteredOn(call -> call.contains("/auth/")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void keysAreWrappedAndUnwrappedWithTheTokenOfAKubernetesLogin() {
        byte[] dek = AesGcm.newKey();

        String wrapped = keyProvider.wrap(WrappingKey.SUBJECT_KEK, dek).await().atMost(Duration.ofSeconds(10));

        assertThat(keyProvider.unwrap(WrappingKey.SUBJECT_KEK, wrapped).await().atMost(Duration.ofSeconds(10))).isEqualTo(dek);
        assertThat(VaultEmulatorResource.emulator().requests())
                .contains("POST /v1/auth/kubernetes/login", "POST /v1/transit/encrypt/subject-kek",
                        "POST /v1/transit/decrypt/subject-kek");
    }
}
