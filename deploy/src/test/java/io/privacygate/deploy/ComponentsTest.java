package io.privacygate.deploy;

import io.privacygate.deploy.ManifestRules.Environment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional pieces of issue 22, rendered as an operator would use them: prod with the webhook receivers' egress.
 * It still follows every manifest rule.
 */
class ComponentsTest {

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
}
