package io.privacygate.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/vault: each service has its own transit keys, its policy grants exactly the transit paths it uses on
 * them and nothing of another service's, and setup.sh (run with DRY_RUN=1, which prints the vault commands)
 * creates the keys the services are configured with and binds each role to the ServiceAccount and namespace that
 * the prod overlay really renders.
 */
class VaultTest {
    private static final Path VAULT = Kustomize.deployDir().resolve("vault");
    private static final Pattern PATH_BLOCK = Pattern.compile("path\\s+\"([^\"]+)\"\\s*\\{\\s*capabilities\\s*=\\s*\\[([^]]*)]"
            + "(\\s*allowed_parameters\\s*=\\s*\\{[^}]*})?\\s*}");

    private static List<String> setupCommands;
    private static Manifests prod;

    @BeforeAll
    static void runSetupDryAndRenderProd() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", VAULT.resolve("setup.sh").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DRY_RUN", "1");
        builder.environment().remove("PRIVACY_GATE_NAMESPACE");
        builder.environment().remove("SUBJECT_KEK_ROTATION");
        builder.environment().remove("OTHER_KEYS_ROTATION");
        builder.environment().remove("KUBERNETES_HOST");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("DRY_RUN=1 deploy/vault/setup.sh exit code").isZero();
        setupCommands = out.lines().toList();
        prod = Kustomize.render(Kustomize.deployDir().resolve("overlays/prod"));
    }

    @Test
    void eachServicePolicyGrantsOnlyItsTransitPaths() throws IOException {
        for (String service : ManifestRules.SERVICES.keySet()) {
            Map<String, String> expected = new LinkedHashMap<>();
            for (String purpose : List.of("subject-kek", "blind-index", "signing-keys")) {
                String key = service + "-" + purpose;
                expected.put("transit/encrypt/" + key, "update");
                expected.put("transit/decrypt/" + key, "update");
                expected.put("transit/rewrap/" + key, "update");
                expected.put("transit/keys/" + key, "read");
                expected.put("transit/keys/" + key + "/rotate", "update");
                expected.put("transit/keys/" + key + "/config", "update; only min_decryption_version");
            }
            if (service.equals("audit-service")) {
                expected.put("transit/sign/audit-service-checkpoint-signing", "update");
                expected.put("transit/keys/audit-service-checkpoint-signing", "read");
            }

            assertThat(policy(service)).as("policies/%s.hcl", service).isEqualTo(expected);
        }
    }

    /** Issue 18: keys are not shared between services; a policy reaching another service's key is a leak. */
    @Test
    void noPolicyReachesAnotherServicesKeys() throws IOException {
        for (String service : ManifestRules.SERVICES.keySet()) {
            for (String path : policy(service).keySet()) {
                String key = path.replaceFirst("/(rotate|config)$", "");
                key = key.substring(key.lastIndexOf('/') + 1);
                assertThat(key).as("policies/%s.hcl grants %s", service, path).startsWith(service + "-");
                for (String other : ManifestRules.SERVICES.keySet()) {
                    if (!other.equals(service)) {
                        assertThat(key).as("policies/%s.hcl grants %s", service, path).doesNotStartWith(other + "-");
                    }
                }
            }
        }
    }

    @Test
    void onlyAuditServiceMayTouchTheCheckpointKey() throws IOException {
        for (String service : List.of("consent-service", "ingestion-service", "dsr-service")) {
            assertThat(policy(service).keySet()).noneMatch(p -> p.contains("checkpoint-signing"));
        }
    }

    @Test
    void setupCreatesEachServicesOwnTransitKeysWithRotation() {
        List<String> created = new ArrayList<>();
        for (String service : ManifestRules.SERVICES.keySet()) {
            for (String purpose : List.of("subject-kek", "blind-index", "signing-keys")) {
                created.add("vault write transit/keys/" + service + "-" + purpose + " type=aes256-gcm96");
            }
        }
        created.add("vault write transit/keys/audit-service-checkpoint-signing type=ed25519");

        assertThat(dryRun()).contains("vault secrets enable -path=transit transit");
        assertThat(dryRun()).filteredOn(c -> c.matches("vault write transit/keys/[a-z-]+ type=.*"))
                .containsExactlyInAnyOrderElementsOf(created);
        for (String service : ManifestRules.SERVICES.keySet()) {
            assertThat(dryRun()).contains("vault write transit/keys/" + service
                    + "-subject-kek/config auto_rotate_period=360h deletion_allowed=false");
        }
        assertThat(dryRun()).filteredOn(c -> c.matches("vault write transit/keys/[a-z-]+/config .*"))
                .hasSize(created.size())
                .allMatch(c -> c.contains("auto_rotate_period=") && c.contains("deletion_allowed=false"));
    }

    /** What each service is configured with (the prod render) is exactly what setup.sh creates and its policy grants. */
    @Test
    void eachServiceIsConfiguredWithKeysThatExistAndThatItsPolicyGrants() throws IOException {
        for (String service : ManifestRules.SERVICES.keySet()) {
            Map<String, String> config = configOf(service);
            List<String> names = config.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("PRIVACY_GATE_KEYS_VAULT_")).map(Map.Entry::getValue).toList();
            assertThat(names).as("%s's transit key names", service).hasSize(service.equals("audit-service") ? 4 : 3);
            for (String name : names) {
                assertThat(dryRun()).as("setup.sh creates %s", name).anyMatch(c -> c.startsWith("vault write transit/keys/" + name + " type="));
                assertThat(policy(service)).as("policies/%s.hcl reads %s", service, name).containsKey("transit/keys/" + name);
            }
        }
    }

    @Test
    void setupWritesEachPolicyFromItsFile() {
        for (String service : ManifestRules.SERVICES.keySet()) {
            assertThat(dryRun()).contains("vault policy write privacy-gate-" + service + " " + VAULT.resolve("policies/" + service + ".hcl"));
        }
    }

    @Test
    void eachRoleIsBoundToTheServiceAccountAndNamespaceThatProdRenders() {
        String namespace = prod.all(Namespace.class).getFirst().getMetadata().getName();
        for (String service : ManifestRules.SERVICES.keySet()) {
            Deployment deployment = prod.find(Deployment.class, service).orElseThrow();
            String serviceAccount = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
            assertThat(prod.find(ServiceAccount.class, serviceAccount)).isPresent();
            String role = roleOf(service);

            assertThat(dryRun()).contains("vault write auth/kubernetes/role/" + role
                    + " bound_service_account_names=" + serviceAccount
                    + " bound_service_account_namespaces=" + namespace
                    + " audience=vault"
                    + " token_policies=privacy-gate-" + service
                    + " token_ttl=1h token_max_ttl=4h");
        }
    }

    private static String roleOf(String service) {
        return configOf(service).get("QUARKUS_VAULT_AUTHENTICATION_KUBERNETES_ROLE");
    }

    private static Map<String, String> configOf(String service) {
        return prod.all(ConfigMap.class).stream()
                .filter(cm -> cm.getMetadata().getName().startsWith(service + "-config"))
                .map(ConfigMap::getData)
                .findFirst().orElseThrow();
    }

    private static List<String> dryRun() {
        return setupCommands;
    }

    private static Map<String, String> policy(String service) throws IOException {
        String hcl = Files.readString(VAULT.resolve("policies/" + service + ".hcl"));
        String withoutComments = hcl.replaceAll("(?m)#.*$", "");
        Map<String, String> paths = new LinkedHashMap<>();
        Matcher m = PATH_BLOCK.matcher(withoutComments);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            String capabilities = m.group(2).replace("\"", "").replace(" ", "").trim();
            if (m.group(3) != null) {
                capabilities += "; only " + String.join(", ", Pattern.compile("\"([^\"]+)\"\\s*=").matcher(m.group(3)).results()
                        .map(parameter -> parameter.group(1)).toList());
            }
            paths.put(m.group(1), capabilities);
            blocks.add(m.group());
        }
        assertThat(withoutComments.replaceAll("\\s", "")).as("policies/%s.hcl holds nothing but path blocks", service)
                .isEqualTo(String.join("", blocks).replaceAll("\\s", ""));
        assertThat(paths.keySet()).as("no globs in policies/%s.hcl", service).noneMatch(p -> p.contains("*") || p.contains("+"));
        return paths;
    }
}
