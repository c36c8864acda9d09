package io.privacygate.deploy;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * keycloak/make-prod-realm.sh: the production realm has no demo users, no client secrets, no password grant, and the
 * dev realm's roles and audience mappers.
 */
class ProdRealmTest {

    @Test
    @SuppressWarnings("unchecked")
    void theProductionRealmHasNoDemoUsersSecretsOrPasswordGrant() throws Exception {
        assumeTrue(onPath("jq"), "jq is not on PATH: make-prod-realm.sh needs it (Debian package jq)");
        Process process = new ProcessBuilder("bash", Kustomize.deployDir().resolve("keycloak/make-prod-realm.sh").toString(),
                "https://privacy.example.com/console/")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        process.getOutputStream().close();
        String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        Map<String, Object> realm = new KubernetesSerialization().unmarshal(json, Map.class);
        List<Map<String, Object>> users = (List<Map<String, Object>>) realm.get("users");
        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");

        assertThat(realm.get("realm")).isEqualTo("privacy-gate");
        assertThat(realm.get("sslRequired")).isEqualTo("all");
        assertThat(users).extracting(u -> u.get("username")).containsExactlyInAnyOrder(
                "service-account-consent-service", "service-account-ingestion-service",
                "service-account-dsr-service", "service-account-audit-service");
        assertThat(clients).allSatisfy(c -> assertThat(c).doesNotContainKey("secret"));
        assertThat(clients).filteredOn(c -> "operator-console".equals(c.get("clientId"))).singleElement().satisfies(c -> {
            assertThat(c.get("directAccessGrantsEnabled")).isEqualTo(false);
            assertThat((List<String>) c.get("redirectUris")).containsExactly("https://privacy.example.com/console/*");
        });
        assertThat(realm.get("roles")).isEqualTo(new KubernetesSerialization().unmarshal(DevRealm.text(), Map.class).get("roles"));
        // Issue 18: the same audiences as the dev realm, so that prod tokens too are good only where they are meant to go.
        for (Map<String, Object> devClient : RealmAudienceTest.clients(DevRealm.text())) {
            assertThat(clients).filteredOn(c -> devClient.get("clientId").equals(c.get("clientId"))).singleElement()
                    .satisfies(c -> assertThat(RealmAudienceTest.accessTokenAudiences(c)).as("aud of %s", c.get("clientId"))
                            .isEqualTo(RealmAudienceTest.accessTokenAudiences(devClient)));
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
