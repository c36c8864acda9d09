package io.privacygate.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MonitoringRules#metricsIn}: the metric names of a PromQL expression, without functions, labels or keywords. */
class PromQlMetricsTest {

    @Test
    void aSelectorWithMatchersAndARangeNamesOnlyItsMetric() {
        assertThat(MonitoringRules.metricsIn("sum by (namespace, platform) (rate(privacygate_ingestion_signature_failures_total{platform=\"meta\"}[5m])) > 0.1"))
                .containsExactly("privacygate_ingestion_signature_failures_total");
    }

    @Test
    void vectorMatchingAndLabelReplaceNameNoLabels() {
        assertThat(MonitoringRules.metricsIn("""
                max by (service) (privacygate_outbox_backlog) > 0 and on (namespace, service) group_left (pod)
                sum without (instance) (label_replace(kube_pod_status_ready{condition="false"}, "service", "$1", "pod", "(.+)-x")) > 1e3
                or up offset 5m unless bool dsr_requests_overdue
                """))
                .containsExactly("dsr_requests_overdue", "kube_pod_status_ready", "privacygate_outbox_backlog", "up");
    }
}
