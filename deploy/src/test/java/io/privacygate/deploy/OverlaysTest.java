package io.privacygate.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.privacygate.deploy.ManifestRules.Environment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each overlay with kubectl kustomize, as {@code kubectl apply -k} would, and checks every rule of
 * {@link ManifestRules} on the output. A manifest that breaks a rule fails the build, naming the rule.
 */
class OverlaysTest {

    @ParameterizedTest(name = "deploy/overlays/{0} follows every rule")
    @EnumSource(Environment.class)
    void followsEveryRule(Environment environment) {
        Manifests rendered = Kustomize.render(overlay(environment));

        assertThat(rendered.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .as("the four services are rendered, so the rules had something to check")
                .containsAll(ManifestRules.SERVICES.keySet());
        assertThat(ManifestRules.check(rendered, environment))
                .as("rules broken by deploy/overlays/%s", name(environment))
                .isEmpty();
    }

    static java.nio.file.Path overlay(Environment environment) {
        return Kustomize.deployDir().resolve("overlays").resolve(name(environment));
    }

    static String name(Environment environment) {
        return environment.name().toLowerCase(Locale.ROOT);
    }
}
