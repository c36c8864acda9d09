package io.privacygate.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod overlay reads Secrets and ConfigMaps that it does not make (the operator or CloudNativePG does):
 * each of them must be named in deploy/README.md, so a platform team knows what to create.
 */
class ReadmeTest {

    @Test
    void everySecretAndConfigMapProdReadsButDoesNotMakeIsDocumented() throws IOException {
        Manifests prod = Kustomize.render(Kustomize.deployDir().resolve("overlays/prod"));
        String readme = Files.readString(Kustomize.deployDir().resolve("README.md"));

        Set<String> external = new TreeSet<>();
        for (Deployment deployment : prod.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                        .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                        .forEach(e -> external.add(e.getValueFrom().getSecretKeyRef().getName()));
            }
            for (Volume volume : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
                if (volume.getSecret() != null) {
                    external.add(volume.getSecret().getSecretName());
                }
                if (volume.getProjected() != null) {
                    for (VolumeProjection source : volume.getProjected().getSources()) {
                        if (source.getSecret() != null) {
                            external.add(source.getSecret().getName());
                        }
                        if (source.getConfigMap() != null && prod.find(ConfigMap.class, source.getConfigMap().getName()).isEmpty()) {
                            external.add(source.getConfigMap().getName());
                        }
                    }
                }
            }
        }
        for (Ingress ingress : prod.all(Ingress.class)) {
            Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of()).stream()
                    .map(IngressTLS::getSecretName).forEach(external::add);
        }

        assertThat(external).as("what prod reads but does not make").isNotEmpty();
        assertThat(external).allSatisfy(name -> assertThat(readme)
                .as("deploy/README.md names `%s`", name)
                .contains("`" + name + "`"));
        assertThat(readme).contains("kubectl apply -k deploy/overlays/prod");
    }

    @Test
    void everyAlertsRunbookIsAHeadingOfThisReadme() throws IOException {
        Manifests prod = Kustomize.render(Kustomize.deployDir().resolve("overlays/prod"));
        Set<String> headings = new TreeSet<>();
        for (String line : Files.readAllLines(Kustomize.deployDir().resolve("README.md"))) {
            if (line.startsWith("#")) {
                // GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens.
                headings.add(line.replaceFirst("^#+\\s*", "").toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }

        assertThat(MonitoringRules.runbookAnchors(prod)).as("the alerts' runbooks").isNotEmpty()
                .allSatisfy(anchor -> assertThat(headings).as("deploy/README.md has a heading for #%s", anchor).contains(anchor));
    }
}
