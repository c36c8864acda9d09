package io.privacygate.testing.vault;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static io.privacygate.testing.vault.VaultHttp.b64;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator set up for a local suite as deploy/vault/setup.sh sets up a real Vault, with the deployed policies
 * (deploy/vault/policies): each service's token reaches its own keys and nothing else.
 */
class VaultEmulatorMainTest {
    private static final Path DEPLOYED_POLICIES = Path.of("../deploy/vault/policies");
    @TempDir
    Path state;
    private VaultTransitEmulator vault;
    private VaultHttp http;

    @BeforeEach
    void setUp() throws IOException {
        vault = VaultTransitEmulator.start();
        http = new VaultHttp(vault.url());
        VaultEmulatorMain.setUp(vault, DEPLOYED_POLICIES, state);
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private String token(String service) throws IOException {
        return Files.readString(state.resolve(service + ".token"));
    }

    @Test
    void eachServiceWrapsUnderItsOwnKeysAndReadsThem() throws IOException {
        for (String service : VaultEmulatorMain.SERVICES) {
            for (String purpose : new String[] {"subject-kek", "blind-index", "signing-keys"}) {
                String key = service + "-" + purpose;
                VaultHttp.Answer encrypted = http.post("transit/encrypt/" + key, token(service), Map.of("plaintext", b64("k")));
                assertThat(encrypted.status()).as(key).isEqualTo(200);
                String ciphertext = encrypted.data().path("ciphertext").asText();
                assertThat(http.post("transit/decrypt/" + key, token(service), Map.of("ciphertext", ciphertext)).status()).isEqualTo(200);
                assertThat(http.post("transit/rewrap/" + key, token(service), Map.of("ciphertext", ciphertext)).status()).isEqualTo(200);
                assertThat(http.get("transit/keys/" + key, token(service)).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void noServiceReachesAnotherServicesKeysAndOfItsOwnItOnlyRotatesAndRetires() throws IOException {
        String consent = token("consent-service");

        assertThat(http.post("transit/encrypt/audit-service-subject-kek", consent, Map.of("plaintext", b64("k"))).status()).isEqualTo(403);
        assertThat(http.get("transit/keys/dsr-service-blind-index", consent).status()).isEqualTo(403);
        assertThat(http.post("transit/keys/dsr-service-blind-index/rotate", consent, Map.of()).status()).isEqualTo(403);
        assertThat(http.post("transit/keys/consent-service-subject-kek/rotate", consent, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("transit/keys/consent-service-subject-kek/config", consent,
                Map.of("min_decryption_version", 1)).status()).isEqualTo(200);
        assertThat(http.post("transit/keys/consent-service-subject-kek/config", consent,
                Map.of("deletion_allowed", true)).status()).isEqualTo(403);
        assertThat(http.post("transit/sign/audit-service-checkpoint-signing", consent, Map.of("input", b64("n"))).status()).isEqualTo(403);
    }

    @Test
    void onlyAuditServiceSignsCheckpointsAndTheOperatorRotates() throws IOException {
        assertThat(http.post("transit/sign/audit-service-checkpoint-signing", token("audit-service"),
                Map.of("input", b64("n"))).data().path("signature").asText()).startsWith("vault:v1:");
        assertThat(http.post("transit/keys/audit-service-subject-kek/rotate", token("root"), Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theTokensAreReadableByTheirOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("root.token")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("dsr-service.token")))).isEqualTo("rw-------");
    }
}
