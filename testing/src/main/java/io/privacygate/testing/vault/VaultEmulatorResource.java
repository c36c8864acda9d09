package io.privacygate.testing.vault;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a {@link VaultTransitEmulator} for a {@code @QuarkusTest} with the suite's transit keys (the key names of
 * {@code privacy-gate.keys.vault.*}: three {@code aes256-gcm96} KEKs and the {@code ed25519} checkpoint key) and
 * points quarkus-vault and {@code privacy-gate.keys.provider=vault} at it, with a token whose policy grants only what
 * deploy/vault/policies grants a service (so a call the deployed policy would refuse fails here too). The init argument {@code auth} chooses how
 * the service logs in: {@code token} (default, a client token) or {@code kubernetes} (a projected service-account
 * JWT for audience {@code vault} in a file, as a pod mounts it, against role {@code privacy-gate}).
 */
public class VaultEmulatorResource implements QuarkusTestResourceLifecycleManager {
    public static final List<String> ENCRYPTION_KEYS = List.of("subject-kek", "blind-index", "signing-keys");
    public static final String CHECKPOINT_KEY = "checkpoint-signing";
    public static final String ROLE = "privacy-gate";
    private static final String POLICY = "privacy-gate";
    private static volatile VaultTransitEmulator current;
    private String auth = "token";
    private Path jwtFile;

    /** The emulator of the running test application. */
    public static VaultTransitEmulator emulator() {
        return current;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        auth = initArgs.getOrDefault("auth", "token");
    }

    @Override
    public Map<String, String> start() {
        VaultTransitEmulator vault = VaultTransitEmulator.start();
        ENCRYPTION_KEYS.forEach(name -> vault.createKey(name, "aes256-gcm96"));
        vault.createKey(CHECKPOINT_KEY, "ed25519");
        vault.policy(POLICY, policy());
        current = vault;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.vault.url", vault.url());
        config.put("privacy-gate.keys.provider", "vault");
        if (auth.equals("kubernetes")) {
            config.putAll(kubernetesLogin(vault));
        } else {
            config.put("quarkus.vault.authentication.client-token",
                    vault.token("privacy-gate-test", Duration.ofHours(4), List.of(POLICY)));
        }
        return config;
    }

    private Map<String, String> kubernetesLogin(VaultTransitEmulator vault) {
        ServiceAccountJwts cluster = new ServiceAccountJwts();
        vault.configureKubernetes(cluster.publicKey());
        vault.kubernetesRole(ROLE, List.of("privacy-gate-test"), List.of("privacy-gate"), "vault",
                List.of(POLICY), Duration.ofHours(1));
        try {
            jwtFile = Files.createTempFile("vault-sa-token", ".jwt");
            Files.writeString(jwtFile, cluster.projectedToken("privacy-gate", "privacy-gate-test", "vault"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // An empty client token counts as none, so quarkus-vault logs in with the role instead. As in
        // deploy/overlays/prod, no cluster CA is mounted: quarkus-vault must not look for one.
        return Map.of("quarkus.vault.authentication.client-token", "",
                "quarkus.vault.authentication.kubernetes.role", ROLE,
                "quarkus.vault.authentication.kubernetes.jwt-token-path", jwtFile.toString(),
                "quarkus.vault.tls.use-kubernetes-ca-cert", "false");
    }

    /**
     * The shape of deploy/vault/policies/&lt;service&gt;.hcl for these key names: encrypt, decrypt, rewrap, read and
     * rotate each KEK and raise its minimum decryption version, sign with and read the checkpoint key; no create,
     * other configuration or delete.
     */
    private static String policy() {
        StringBuilder hcl = new StringBuilder();
        for (String key : ENCRYPTION_KEYS) {
            for (String operation : List.of("encrypt", "decrypt", "rewrap")) {
                hcl.append("path \"transit/").append(operation).append('/').append(key)
                        .append("\" { capabilities = [\"update\"] }\n");
            }
            hcl.append("path \"transit/keys/").append(key).append("\" { capabilities = [\"read\"] }\n");
            hcl.append("path \"transit/keys/").append(key).append("/rotate\" { capabilities = [\"update\"] }\n");
            hcl.append("path \"transit/keys/").append(key).append("/config\" { capabilities = [\"update\"]\n")
                    .append("  allowed_parameters = { \"min_decryption_version\" = [] } }\n");
        }
        hcl.append("path \"transit/sign/").append(CHECKPOINT_KEY).append("\" { capabilities = [\"update\"] }\n");
        hcl.append("path \"transit/keys/").append(CHECKPOINT_KEY).append("\" { capabilities = [\"read\"] }\n");
        return hcl.toString();
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
        }
        try {
            if (jwtFile != null) {
                Files.deleteIfExists(jwtFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
