package io.privacygate.commons.crypto;

import io.privacygate.commons.health.Scrape;
import io.privacygate.testing.vault.VaultEmulatorResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The {@code key-provider} readiness check and the key-provider meters, against the Vault Transit emulator, which is
 * "stopped" by sealing it: it then answers every call 503, as a sealed Vault does.
 */
@QuarkusTest
@TestProfile(VaultKeyProviderTest.AgainstVaultTransitEmulator.class)
class KeyProviderReadinessTest {
    private static final String FAILED_UNWRAPS =
            "privacygate_keys_calls_total{operation=\"unwrap\",outcome=\"failure\",provider=\"vault\"}";
    private static final String WRAPS =
            "privacygate_keys_calls_total{operation=\"wrap\",outcome=\"success\",provider=\"vault\"}";

    @Inject
    KeyProvider keys;

    @AfterEach
    void unseal() {
        VaultEmulatorResource.emulator().seal(false);
    }

    @Test
    void isReadyWithTheProviderNamedThenDownWhileVaultIsSealedThenUpAgain() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'key-provider' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'key-provider' }.data.provider", equalTo("vault"));

        VaultEmulatorResource.emulator().seal(true);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'key-provider' }.status", equalTo("DOWN")));

        VaultEmulatorResource.emulator().seal(false);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'key-provider' }.status", equalTo("UP")));
    }

    @Test
    void callsAreCountedByOutcomeAndTimed() {
        double wraps = Math.max(0, Scrape.value(WRAPS));
        double failedUnwraps = Math.max(0, Scrape.value(FAILED_UNWRAPS));

        keys.wrap(WrappingKey.SUBJECT_KEK, new byte[32]).await().atMost(Duration.ofSeconds(10));
        VaultEmulatorResource.emulator().seal(true);
        assertThatThrownBy(() -> keys.unwrap(WrappingKey.SUBJECT_KEK, "vault:v1:eA==").await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(KeyUnavailableException.class);

        // At least ours: a scheduled job of the app may create one of its own keys meanwhile, which is a wrap too.
        assertThat(Scrape.value(WRAPS)).isGreaterThanOrEqualTo(wraps + 1);
        assertThat(Scrape.value(FAILED_UNWRAPS)).isEqualTo(failedUnwraps + 1);
        assertThat(Scrape.value("privacygate_keys_call_seconds_count{operation=\"unwrap\",provider=\"vault\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(Scrape.value("privacygate_keys_call_seconds_max{operation=\"unwrap\",provider=\"vault\"}"))
                .isGreaterThan(0);
    }
}
