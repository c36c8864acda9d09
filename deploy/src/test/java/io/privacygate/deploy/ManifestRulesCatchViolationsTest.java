package io.privacygate.deploy;

import io.privacygate.deploy.ManifestRules.Environment;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker is only worth its green if it goes red: each test renders a copy of a real kustomization,
 * broken in one way, and asserts that {@link ManifestRules} reports exactly that breakage.
 */
class ManifestRulesCatchViolationsTest {

    private static List<String> violations(BrokenCopy copy, Environment environment) {
        return ManifestRules.check(copy.render(), environment);
    }

    @Nested
    class Images {
        @Test
        void aBaseCopiedWithALatestImageIsReported() {
            BrokenCopy copy = BrokenCopy.of("base/consent-service", "base-latest")
                    .edit("deployment.yaml", d -> d.replace("ghcr.io/privacy-gate/consent-service:0.1.0", "ghcr.io/privacy-gate/consent-service:latest"));

            assertThat(violations(copy, Environment.DEV))
                    .anyMatch(v -> v.startsWith("Deployment consent-service container consent-service uses the :latest tag"));
        }

        @Test
        void aProdImageSetToLatestIsReportedAsLatestAndUnpinned() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "prod-latest")
                    .edit("kustomization.yaml", k -> k.replaceFirst(
                            "(?s)(name: ghcr.io/privacy-gate/consent-service\n\\s+newName: \\S+\n)\\s+digest: sha256:0+\n",
                            "$1    newTag: latest\n"));

            assertThat(violations(copy, Environment.PROD))
                    .anyMatch(v -> v.contains("consent-service") && v.contains("uses the :latest tag"))
                    .anyMatch(v -> v.contains("consent-service") && v.contains("is not pinned by digest"));
        }

        @Test
        void aProdImageWithAMovingTagIsReportedAsUnpinned() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "prod-moving-tag")
                    .edit("kustomization.yaml", k -> k.replaceFirst(
                            "(?s)(name: ghcr.io/privacy-gate/dsr-service\n\\s+newName: \\S+\n)\\s+digest: sha256:0+\n",
                            "$1    newTag: main\n"));

            assertThat(violations(copy, Environment.PROD))
                    .anyMatch(v -> v.startsWith("Deployment dsr-service container dsr-service is not pinned by digest"));
        }
    }

    @Nested
    class SelectorsAndProbes {
        @Test
        void aVersionLabelInASelectorIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/dev", "version-selector").patch("Deployment", "dsr-service", """
                    - op: add
                      path: /spec/selector/matchLabels/app.kubernetes.io~1version
                      value: "0.1.0"
                    """);

            assertThat(violations(copy, Environment.DEV))
                    .contains("Deployment dsr-service selector uses the label app.kubernetes.io/version, which changes between "
                            + "releases (version labels never go in a selector)");
        }

        @Test
        void aMissingLivenessProbeIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "no-liveness").patch("Deployment", "consent-service", """
                    - op: remove
                      path: /spec/template/spec/containers/0/livenessProbe
                    """);

            assertThat(violations(copy, Environment.PROD))
                    .contains("Deployment consent-service container consent-service has no liveness probe");
        }

        @Test
        void aLivenessProbeOnABusinessEndpointIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "liveness-business").patch("Deployment", "audit-service", """
                    - op: replace
                      path: /spec/template/spec/containers/0/livenessProbe/httpGet/path
                      value: /api/v1/checkpoints/latest
                    """);

            assertThat(violations(copy, Environment.PROD))
                    .contains("Deployment audit-service container audit-service liveness probe is not an HTTP GET of "
                            + "/q/health/live (it calls /api/v1/checkpoints/latest)");
        }
    }

    @Nested
    class SecurityContextAndResources {
        @Test
        void aWritableRootFilesystemIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "writable-root").patch("Deployment", "ingestion-service", """
                    - op: replace
                      path: /spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem
                      value: false
                    """);

            assertThat(violations(copy, Environment.PROD))
                    .contains("Deployment ingestion-service container ingestion-service does not set readOnlyRootFilesystem: true");
        }

        @Test
        void privilegeEscalationAndKeptCapabilitiesAreReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/dev", "privileged").patch("Deployment", "consent-service", """
                    - op: replace
                      path: /spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation
                      value: true
                    - op: replace
                      path: /spec/template/spec/containers/0/securityContext/capabilities
                      value: {add: [NET_ADMIN]}
                    - op: remove
                      path: /spec/template/spec/containers/0/securityContext/seccompProfile
                    - op: remove
                      path: /spec/template/spec/securityContext/seccompProfile
                    """);

            assertThat(violations(copy, Environment.DEV)).contains(
                    "Deployment consent-service container consent-service does not set allowPrivilegeEscalation: false",
                    "Deployment consent-service container consent-service does not drop ALL capabilities",
                    "Deployment consent-service container consent-service adds capabilities [NET_ADMIN]",
                    "Deployment consent-service container consent-service does not use the seccomp profile RuntimeDefault");
        }

        @Test
        void aMissingMemoryLimitIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "no-limit").patch("Deployment", "dsr-service", """
                    - op: remove
                      path: /spec/template/spec/containers/0/resources/limits
                    """);

            assertThat(violations(copy, Environment.PROD))
                    .contains("Deployment dsr-service container dsr-service has no memory limit");
        }

        @Test
        void anAutomountedApiTokenIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "automount").patch("Deployment", "audit-service", """
                    - op: replace
                      path: /spec/template/spec/automountServiceAccountToken
                      value: true
                    """);

            assertThat(violations(copy, Environment.PROD)).contains("Deployment audit-service does not set "
                    + "automountServiceAccountToken: false (no workload here calls the Kubernetes API)");
        }
    }

    @Nested
    class Prod {
        @Test
        void aSecretWithValuesInTheProdOutputIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "prod-secret").edit("kustomization.yaml", k -> k + """

                    secretGenerator:
                      - name: consent-service-oidc
                        literals:
                          - client-secret=not-in-git-please
                    """);

            assertThat(violations(copy, Environment.PROD))
                    .anyMatch(v -> v.startsWith("Secret consent-service-oidc-") && v.contains("is in the prod output"));
        }

        @Test
        void aServiceUsingAnotherServicesTransitKeyIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "shared-transit-key")
                    .edit("config/dsr-service.env", e -> e + "PRIVACY_GATE_KEYS_VAULT_SUBJECT_KEK=consent-service-subject-kek\n");

            assertThat(violations(copy, Environment.PROD))
                    .anyMatch(v -> v.startsWith("Deployment dsr-service") && v.contains("does not use its own transit key dsr-service-subject-kek"))
                    .anyMatch(v -> v.startsWith("Deployment dsr-service")
                            && v.contains("names the transit key consent-service-subject-kek (PRIVACY_GATE_KEYS_VAULT_SUBJECT_KEK), which is not its own"));
        }

        @Test
        void theSuiteTokenSentOutsideTheSuiteIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "token-leaves-suite")
                    .edit("config/dsr-service.env", e -> e + "PRIVACY_GATE_OUTBOX_DESTINATIONS_AUDIT_URL=https://siem.example.net/hooks\n");

            assertThat(violations(copy, Environment.PROD)).anyMatch(v -> v.startsWith("Deployment dsr-service")
                    && v.contains("sends its bearer token to the outbox destination AUDIT at https://siem.example.net/hooks"));
        }

        @Test
        void aSuiteDestinationWithoutTheSuiteTokenIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "suite-destination-signed")
                    .edit("config/consent-service.env", e -> e + "PRIVACY_GATE_OUTBOX_DESTINATIONS_INGESTION_AUTH=signed\n");

            assertThat(violations(copy, Environment.PROD)).anyMatch(v -> v.startsWith("Deployment consent-service")
                    && v.contains("does not set PRIVACY_GATE_OUTBOX_DESTINATIONS_INGESTION_AUTH=suite-token"));
        }

        @Test
        void oneReplicaWithoutAnAutoscalerIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "one-replica")
                    .edit("kustomization.yaml", k -> k.replace("  - name: dsr-service\n    count: 2", "  - name: dsr-service\n    count: 1"))
                    .edit("hpa.yaml", h -> h.replace("name: dsr-service\n", "name: dsr-service-renamed\n"));

            assertThat(violations(copy, Environment.PROD)).contains(
                    "Deployment dsr-service has 1 replicas; prod needs at least 2",
                    "Deployment dsr-service has no HorizontalPodAutoscaler");
        }

        @Test
        void aNamespaceWithoutTheRestrictedStandardIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "baseline-namespace")
                    .edit("namespace.yaml", n -> n.replace("enforce: restricted", "enforce: baseline"));

            assertThat(violations(copy, Environment.PROD))
                    .contains("Namespace privacy-gate is not labelled pod-security.kubernetes.io/enforce=restricted");
        }
    }

    @Nested
    class NetworkPolicies {
        @Test
        void anOverlayWithoutTheNetworkPoliciesIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "no-network-policies")
                    .edit("kustomization.yaml", k -> k.replace("  - ../../components/network-policies\n", ""));

            assertThat(violations(copy, Environment.PROD))
                    .contains("no default-deny NetworkPolicy (empty podSelector, policyTypes Ingress and Egress, no rules)")
                    .anyMatch(v -> v.startsWith("audit-service takes calls from [] in its namespace"));
        }

        @Test
        void aCallerThatDesignDoesNotHaveIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "extra-caller").patch("NetworkPolicy", "audit-service", """
                    - op: add
                      path: /spec/ingress/-
                      value:
                        from:
                          - namespaceSelector:
                              matchLabels:
                                kubernetes.io/metadata.name: ingress-nginx
                        ports:
                          - protocol: TCP
                            port: 8084
                    """);

            assertThat(violations(copy, Environment.PROD)).contains("audit-service takes calls from [namespace ingress-nginx, "
                    + "namespace monitoring] outside its namespace, but should from [namespace monitoring]");
        }

        @Test
        void egressToAnotherServicesDatabaseIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/dev", "other-database").patch("NetworkPolicy", "dsr-service", """
                    - op: add
                      path: /spec/egress/-
                      value:
                        to:
                          - podSelector:
                              matchLabels:
                                privacy-gate.io/database: consent
                        ports:
                          - protocol: TCP
                            port: 5432
                    """);

            assertThat(violations(copy, Environment.DEV))
                    .contains("dsr-service may reach the databases [consent, dsr], but only its own (dsr)");
        }
    }

    @Nested
    class Monitoring {
        @Test
        void aServiceWithoutServiceMonitorIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "no-servicemonitor")
                    .write("delete-servicemonitor.yaml", """
                            apiVersion: monitoring.coreos.com/v1
                            kind: ServiceMonitor
                            metadata:
                              name: dsr-service
                            $patch: delete
                            """)
                    .edit("kustomization.yaml", k -> k.replaceFirst("(?m)^patches:\n", "patches:\n  - path: delete-servicemonitor.yaml\n"));

            assertThat(violations(copy, Environment.PROD))
                    .contains("Deployment dsr-service is scraped at /q/metrics on its port http by 0 ServiceMonitors [], not exactly one");
        }

        @Test
        void aServiceScrapedTwiceIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "second-servicemonitor")
                    .write("second-servicemonitor.yaml", """
                            apiVersion: monitoring.coreos.com/v1
                            kind: ServiceMonitor
                            metadata:
                              name: everything
                              labels:
                                app.kubernetes.io/part-of: privacy-gate
                            spec:
                              selector:
                                matchLabels:
                                  app.kubernetes.io/part-of: privacy-gate
                              endpoints:
                                - port: http
                                  path: /q/metrics
                            """)
                    .edit("kustomization.yaml", k -> k.replace("  - ingress.yaml\n", "  - ingress.yaml\n  - second-servicemonitor.yaml\n"));

            assertThat(violations(copy, Environment.PROD))
                    .contains("Deployment audit-service is scraped at /q/metrics on its port http by 2 ServiceMonitors [audit-service, everything], not exactly one");
        }

        @Test
        void aServiceMonitorOnAnotherPathIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "servicemonitor-path").patch("ServiceMonitor", "consent-service", """
                    - op: replace
                      path: /spec/endpoints/0/path
                      value: /metrics
                    """);

            assertThat(violations(copy, Environment.PROD))
                    .contains("Deployment consent-service is scraped at /q/metrics on its port http by 0 ServiceMonitors [], not exactly one");
        }

        @Test
        void aProdOverlayWithoutTheMonitoringComponentIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "no-monitoring")
                    .edit("kustomization.yaml", k -> k.replace("  - ../../components/monitoring\n", ""));

            assertThat(violations(copy, Environment.PROD)).filteredOn(v -> v.contains("by 0 ServiceMonitors")).hasSize(4);
        }

        @Test
        void anAlertOnAMetricNoServiceExportsIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "alert-typo").patch("PrometheusRule", "privacy-gate", """
                    - op: replace
                      path: /spec/groups/0/rules/0/expr
                      value: max by (destination) (privacygate_outbox_backlogs) > 0
                    """);

            assertThat(violations(copy, Environment.PROD)).contains(
                    "PrometheusRule privacy-gate alert PrivacyGateOutboxStuck names the metric privacygate_outbox_backlogs, which no service exports")
                    .anyMatch(v -> v.startsWith("PrometheusRule privacy-gate alert PrivacyGateOutboxStuck names none of the suite's metrics"));
        }

        @Test
        void anAlertWithoutSeverityOrRunbookIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "alert-bare").patch("PrometheusRule", "privacy-gate", """
                    - op: remove
                      path: /spec/groups/1/rules/1/labels/severity
                    - op: remove
                      path: /spec/groups/1/rules/1/annotations/runbook_url
                    """);

            assertThat(violations(copy, Environment.PROD)).contains(
                    "PrometheusRule privacy-gate alert PrivacyGateDsrOverdue has no severity label [critical, info, warning]",
                    "PrometheusRule privacy-gate alert PrivacyGateDsrOverdue has no runbook_url into deploy/README.md#");
        }
    }

    @Nested
    class Egress {
        @Test
        void egressOutOfTheClusterOnAPortNoFeatureNeedsIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "egress-ssh").patch("NetworkPolicy", "allow-platform-apis-egress", """
                    - op: replace
                      path: /spec/egress/0/ports/0/port
                      value: 22
                    """);

            assertThat(violations(copy, Environment.PROD))
                    .contains("NetworkPolicy allow-platform-apis-egress (egress from ingestion-service) opens 0.0.0.0/0 on port 22, "
                            + "which none of its features needs (it may use [443])")
                    .contains("ingestion-service has no egress to the platforms' APIs (TCP 443 to an ipBlock)");
        }

        @Test
        void theInternetWithoutThePrivateRangesExceptedIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "egress-private").patch("NetworkPolicy", "allow-smtp-egress", """
                    - op: remove
                      path: /spec/egress/0/to/0/ipBlock/except
                    """);

            assertThat(violations(copy, Environment.PROD)).contains(
                    "NetworkPolicy allow-smtp-egress (egress from consent-service) opens 0.0.0.0/0 without excepting the private ranges "
                            + "[10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16] (the cluster's own pods and services)");
        }

        @Test
        void aMailServerOnAnotherPortWithoutItsEgressIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "smtp-port")
                    .edit("config/dsr-service.env", e -> e.replace("QUARKUS_MAILER_PORT=587", "QUARKUS_MAILER_PORT=465"));

            assertThat(violations(copy, Environment.PROD))
                    .contains("dsr-service has no egress to its SMTP server (TCP 465 to an ipBlock)")
                    .contains("NetworkPolicy allow-smtp-egress (egress from dsr-service) opens 0.0.0.0/0 on port 587, "
                            + "which none of its features needs (it may use [465])");
        }

        @Test
        void receiversEgressWithoutAReceiverIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "receivers-unused").edit("kustomization.yaml",
                    k -> k.replace("  - ../../components/monitoring\n", "  - ../../components/monitoring\n  - ../../components/webhook-receivers-egress\n"));

            assertThat(violations(copy, Environment.PROD)).contains(
                    "NetworkPolicy allow-webhook-receivers-egress (egress from audit-service) opens 0.0.0.0/0 on port 443, "
                            + "which none of its features needs (it may use [])");
        }

        @Test
        void aReceiverWithoutItsEgressIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/prod", "receiver-no-egress").edit("config/audit-service.env",
                    e -> e + "privacy-gate.outbox.destinations.incident-desk.url=https://siem.example.net/hooks/privacy-gate\n");

            assertThat(violations(copy, Environment.PROD))
                    .contains("audit-service has no egress to its webhook receiver incident-desk (TCP 443 to an ipBlock)");
        }
    }

    @Nested
    class Dev {
        @Test
        void aDevSecretThatIsNotClearlyThrowawayIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/dev", "real-looking-secret")
                    .edit("kustomization.yaml", k -> k.replace("password=dev-only-dsr-db-password", "password=Tr0ub4dor&3"));

            assertThat(violations(copy, Environment.DEV))
                    .anyMatch(v -> v.startsWith("Secret dsr-db-app-") && v.contains("key password is not a clearly throwaway dev value"));
        }

        @Test
        void aDevOverlayWithoutTheRealmIsReported() {
            BrokenCopy copy = BrokenCopy.of("overlays/dev", "no-realm")
                    .edit("kustomization.yaml", k -> k.replace("  - ../../keycloak\n", ""));

            assertThat(violations(copy, Environment.DEV))
                    .contains("no ConfigMap holds privacy-gate-realm.json (the dev realm)");
        }
    }
}
