package io.privacygate.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.privacygate.deploy.ManifestRules.Environment;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional pieces of issue 22, rendered as an operator would use them: prod with the TLS component, and prod
 * with the webhook receivers' egress. Each still follows every manifest rule.
 */
class ComponentsTest {

    @Test
    void prodWithTlsServesHttpsOnlyAndCallsItsPeersOverHttps() {
        Manifests prod = BrokenCopy.of("overlays/prod", "with-tls").edit("kustomization.yaml",
                k -> k.replace("  - ../../components/monitoring\n", "  - ../../components/monitoring\n  - ../../components/tls\n")).render();

        assertThat(ManifestRules.check(prod, Environment.PROD)).isEmpty();
        ManifestRules.SERVICES.forEach((name, port) -> {
            Deployment deployment = prod.find(Deployment.class, name).orElseThrow();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            Map<String, String> env = environment(prod, container);
            assertThat(env).as(name).containsEntry("QUARKUS_HTTP_INSECURE_REQUESTS", "disabled")
                    .containsEntry("QUARKUS_HTTP_SSL_PORT", String.valueOf(port))
                    .containsEntry("QUARKUS_HTTP_TLS_CONFIGURATION_NAME", "https")
                    .containsEntry("quarkus.tls.https.key-store.pem.0.cert", "/var/run/secrets/privacy-gate/tls/tls.crt")
                    .containsEntry("quarkus.tls.https.key-store.pem.0.key", "/var/run/secrets/privacy-gate/tls/tls.key");
            assertThat(env.values()).as("%s's peer URLs", name).noneMatch(v -> v.matches("http://(consent|ingestion|dsr|audit)-service\\b.*"));
            if (!name.equals("audit-service")) { // it calls no peer
                assertThat(env.values()).as("%s's peer URLs", name).anyMatch(v -> v.matches("https://(consent|ingestion|dsr|audit)-service:\\d+/?.*"));
            }
            assertThat(env.get("JAVA_OPTS_APPEND")).as("%s's client trust store", name)
                    .contains("-Djavax.net.ssl.trustStore=/var/run/secrets/privacy-gate/trust/bundle.p12");
            assertThat(List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe()))
                    .allSatisfy(p -> assertThat(p.getHttpGet().getScheme()).isEqualTo("HTTPS"));

            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getVolumes()).extracting(v -> v.getSecret() == null ? null : v.getSecret().getSecretName()).contains(name + "-tls");
            assertThat(pod.getVolumes()).extracting(v -> v.getConfigMap() == null ? null : v.getConfigMap().getName()).contains("privacy-gate-trust-bundle");

            Map<String, Object> certificate = spec(prod, "Certificate", name);
            assertThat(certificate).containsEntry("secretName", name + "-tls");
            assertThat(String.valueOf(certificate.get("dnsNames"))).contains("[" + name + ",");
            assertThat(map(certificate.get("issuerRef"))).containsEntry("name", "privacy-gate-internal-ca");

            Map<String, Object> endpoint = map(((List<?>) spec(prod, "ServiceMonitor", name).get("endpoints")).getFirst());
            assertThat(endpoint).containsEntry("scheme", "https");
            assertThat(map(endpoint.get("tlsConfig"))).containsEntry("serverName", name);
        });
        assertThat(prod.all(Ingress.class)).allSatisfy(i -> assertThat(i.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/backend-protocol", "HTTPS"));
    }

    @Test
    void prodWithWebhookReceiversConfiguredAndTheirEgressFollowsEveryRule() {
        Manifests prod = BrokenCopy.of("overlays/prod", "with-receivers")
                .edit("kustomization.yaml", k -> k.replace("  - ../../components/monitoring\n",
                        "  - ../../components/monitoring\n  - ../../components/webhook-receivers-egress\n"))
                .edit("config/audit-service.env", e -> e + "PRIVACY_GATE_AUDIT_DETECTION_RECEIVERS=incident-desk\n"
                        + "privacy-gate.outbox.destinations.incident-desk.url=https://siem.example.net/hooks/privacy-gate\n")
                .edit("config/dsr-service.env", e -> e + "privacy-gate.outbox.destinations.dsr-notifications.url=https://hooks.example.net/requests\n")
                .render();

        assertThat(ManifestRules.check(prod, Environment.PROD)).isEmpty();
    }

    private static Map<String, String> environment(Manifests manifests, Container container) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (source.getConfigMapRef() != null) {
                manifests.find(ConfigMap.class, source.getConfigMapRef().getName()).ifPresent(cm -> env.putAll(cm.getData()));
            }
        }
        Optional.ofNullable(container.getEnv()).orElse(List.of()).stream().filter(e -> e.getValue() != null)
                .forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }

    private static Map<String, Object> spec(Manifests manifests, String kind, String name) {
        return map(manifests.ofKind(kind).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst()
                .map(r -> ((GenericKubernetesResource) r).getAdditionalProperties().get("spec")).orElseThrow(() -> new AssertionError(kind + " " + name + " is missing")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
