package io.privacygate.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.privacygate.deploy.ManifestRules.Environment;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional pieces of issue 22, rendered as an operator would use them: prod with the TLS component, prod with
 * the webhook receivers' egress, and the ExternalSecret examples. Each still follows every manifest rule.
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

    @Test
    void theExternalSecretExamplesMakeEverySecretProdReadsThatNoOperatorMakes() {
        Manifests prod = Kustomize.render(Kustomize.deployDir().resolve("overlays/prod"));
        Manifests examples = Kustomize.render(Kustomize.deployDir().resolve("examples/external-secrets"));

        Map<String, Set<String>> needed = new TreeMap<>();
        for (Deployment deployment : prod.all(Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                        .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                        .map(e -> e.getValueFrom().getSecretKeyRef())
                        .forEach(ref -> needed.computeIfAbsent(ref.getName(), n -> new TreeSet<>()).add(ref.getKey()));
            }
            for (Volume volume : Optional.ofNullable(deployment.getSpec().getTemplate().getSpec().getVolumes()).orElse(List.of())) {
                if (volume.getSecret() != null) {
                    needed.computeIfAbsent(volume.getSecret().getSecretName(), n -> new TreeSet<>());
                }
            }
        }
        for (Ingress ingress : prod.all(Ingress.class)) {
            Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of()).stream().map(IngressTLS::getSecretName)
                    .forEach(n -> needed.computeIfAbsent(n, k -> new TreeSet<>()).addAll(List.of("tls.crt", "tls.key")));
        }
        // CloudNativePG makes <db>-app and <db>-ca.
        needed.keySet().removeIf(n -> n.matches("(consent|ingestion|dsr|audit)-db-(app|ca)"));

        Map<String, Set<String>> made = new TreeMap<>();
        for (HasMetadata resource : examples.ofKind("ExternalSecret")) {
            assertThat(resource.getApiVersion()).isEqualTo("external-secrets.io/v1beta1");
            assertThat(resource.getMetadata().getNamespace()).isEqualTo("privacy-gate");
            Map<String, Object> spec = map(((GenericKubernetesResource) resource).getAdditionalProperties().get("spec"));
            Set<String> keys = new TreeSet<>();
            ((List<?>) spec.get("data")).forEach(d -> keys.add(String.valueOf(map(d).get("secretKey"))));
            made.put(String.valueOf(map(spec.get("target")).get("name")), keys);
        }
        assertThat(needed).as("what prod reads from Secrets the operator makes").isNotEmpty();
        assertThat(made).isEqualTo(needed);
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
