package io.privacygate.deploy;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.privacygate.deploy.Manifests.describe;
import static io.privacygate.deploy.Manifests.labels;

/**
 * Issue 22's monitoring rules, on one rendered overlay: every service is scraped by exactly one ServiceMonitor
 * (Prometheus Operator), and every alert names only metrics that exist, with a severity, a summary, a description
 * and a runbook. The metric names are the suite's fixed list (deploy/README.md, "Monitoring"): an alert on a
 * misspelled metric never fires, and nothing else would say so.
 */
final class MonitoringRules {

    /** The Prometheus names of the suite's metrics (Micrometer's names with units and _total; a timer's series). */
    static final Set<String> SUITE_METRICS = Set.of(
            "privacygate_outbox_backlog", "privacygate_outbox_oldest_age_seconds",
            "privacygate_ingestion_inbox_backlog", "privacygate_ingestion_inbox_lag_seconds",
            "privacygate_dsr_tasks_failed", "privacygate_dsr_requests_near_deadline", "dsr_requests_overdue",
            "privacygate_keys_calls_total",
            "privacygate_keys_call_seconds_count", "privacygate_keys_call_seconds_sum", "privacygate_keys_call_seconds_max",
            "privacygate_ingestion_signature_failures_total",
            "privacygate_audit_detection_lag");

    /** Metrics of the platform an alert may combine with the suite's: kube-state-metrics' pod readiness. */
    static final Set<String> PLATFORM_METRICS = Set.of("kube_pod_status_ready");

    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    static final String RUNBOOKS = "deploy/README.md#";

    private static final Set<String> PROMQL_KEYWORDS = Set.of(
            "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS_AND_RANGES = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
    private static final Pattern LABEL_LISTS = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[a-zA-Z_:][a-zA-Z0-9_:]*(?!\\w)(?!\\s*\\()");

    private final Manifests manifests;
    private final List<String> violations = new ArrayList<>();

    private MonitoringRules(Manifests manifests) {
        this.manifests = manifests;
    }

    static List<String> check(Manifests manifests) {
        MonitoringRules rules = new MonitoringRules(manifests);
        ManifestRules.SERVICES.keySet().forEach(rules::checkScrapedOnce);
        rules.manifests.ofKind("PrometheusRule").forEach(r -> rules.checkAlerts((GenericKubernetesResource) r));
        return List.copyOf(rules.violations);
    }

    /** The metric names a PromQL expression reads: what is left once strings, matchers, ranges, label lists and functions are gone. */
    static Set<String> metricsIn(String expr) {
        String bare = STRINGS.matcher(expr).replaceAll(" ");
        bare = MATCHERS_AND_RANGES.matcher(bare).replaceAll(" ");
        bare = LABEL_LISTS.matcher(bare).replaceAll(" ");
        Set<String> metrics = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            if (!PROMQL_KEYWORDS.contains(m.group().toLowerCase())) {
                metrics.add(m.group());
            }
        }
        return metrics;
    }

    // --- scraping ---------------------------------------------------------------------------------------

    private void checkScrapedOnce(String name) {
        Optional<Deployment> found = manifests.find(Deployment.class, name);
        if (found.isEmpty()) {
            return; // reported by ManifestRules
        }
        Deployment deployment = found.get();
        Map<String, String> podLabels = Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata().getLabels()).orElse(Map.of());
        Optional<ContainerPort> http = Optional.ofNullable(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts())
                .orElse(List.of()).stream().filter(p -> "http".equals(p.getName())).findFirst();
        List<String> monitors = new ArrayList<>();
        for (HasMetadata monitor : manifests.ofKind("ServiceMonitor")) {
            Map<String, Object> spec = map(((GenericKubernetesResource) monitor).getAdditionalProperties().get("spec"));
            LabelSelector selector = selector(map(spec.get("selector")));
            for (Service service : manifests.all(Service.class)) {
                boolean sameNamespace = Objects.equals(service.getMetadata().getNamespace(), monitor.getMetadata().getNamespace());
                boolean routesToPods = !Optional.ofNullable(service.getSpec().getSelector()).orElse(Map.of()).isEmpty()
                        && ManifestRules.Selectors.contains(podLabels, service.getSpec().getSelector());
                if (!sameNamespace || !routesToPods || !ManifestRules.Selectors.matches(selector, labels(service))) {
                    continue;
                }
                for (Object e : list(spec.get("endpoints"))) {
                    Map<String, Object> endpoint = map(e);
                    Optional<ServicePort> port = service.getSpec().getPorts().stream()
                            .filter(p -> Objects.equals(p.getName(), endpoint.get("port"))).findFirst();
                    boolean reachesHttp = port.isPresent() && http.isPresent()
                            && ("http".equals(port.get().getTargetPort().getStrVal())
                            || Objects.equals(port.get().getTargetPort().getIntVal(), http.get().getContainerPort()));
                    if (reachesHttp && "/q/metrics".equals(endpoint.get("path"))) {
                        monitors.add(monitor.getMetadata().getName());
                    }
                }
            }
        }
        if (monitors.size() != 1) {
            violations.add(describe(deployment) + " is scraped at /q/metrics on its port http by " + monitors.size()
                    + " ServiceMonitors " + monitors + ", not exactly one");
        }
    }

    // --- alerts -----------------------------------------------------------------------------------------

    private void checkAlerts(GenericKubernetesResource rule) {
        Map<String, Object> spec = map(rule.getAdditionalProperties().get("spec"));
        for (Object g : list(spec.get("groups"))) {
            for (Object r : list(map(g).get("rules"))) {
                Map<String, Object> entry = map(r);
                if (entry.get("alert") != null) {
                    checkAlert(describe(rule) + " alert " + entry.get("alert"), entry);
                }
            }
        }
    }

    private void checkAlert(String what, Map<String, Object> alert) {
        Set<String> metrics = metricsIn(String.valueOf(alert.get("expr")));
        if (metrics.stream().noneMatch(SUITE_METRICS::contains)) {
            violations.add(what + " names none of the suite's metrics " + new TreeSet<>(SUITE_METRICS));
        }
        for (String metric : metrics) {
            if (!SUITE_METRICS.contains(metric) && !PLATFORM_METRICS.contains(metric)) {
                violations.add(what + " names the metric " + metric + ", which no service exports");
            }
        }
        if (!SEVERITIES.contains(String.valueOf(map(alert.get("labels")).get("severity")))) {
            violations.add(what + " has no severity label " + new TreeSet<>(SEVERITIES));
        }
        Map<String, Object> annotations = map(alert.get("annotations"));
        for (String annotation : List.of("summary", "description")) {
            if (annotations.get(annotation) == null || annotations.get(annotation).toString().isBlank()) {
                violations.add(what + " has no " + annotation);
            }
        }
        Object runbook = annotations.get("runbook_url");
        if (runbook == null || !runbook.toString().contains(RUNBOOKS)) {
            violations.add(what + " has no runbook_url into " + RUNBOOKS);
        }
    }

    /** The runbook anchors of every alert in {@code manifests}, e.g. "privacygateoutboxstuck". */
    static Set<String> runbookAnchors(Manifests manifests) {
        Set<String> anchors = new TreeSet<>();
        for (HasMetadata rule : manifests.ofKind("PrometheusRule")) {
            Map<String, Object> spec = map(((GenericKubernetesResource) rule).getAdditionalProperties().get("spec"));
            for (Object g : list(spec.get("groups"))) {
                for (Object r : list(map(g).get("rules"))) {
                    Object url = map(map(r).get("annotations")).get("runbook_url");
                    if (url != null && url.toString().contains("#")) {
                        anchors.add(url.toString().substring(url.toString().indexOf('#') + 1));
                    }
                }
            }
        }
        return anchors;
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private static LabelSelector selector(Map<String, Object> raw) {
        LabelSelector selector = new LabelSelector();
        Map<String, String> matchLabels = new java.util.LinkedHashMap<>();
        map(raw.get("matchLabels")).forEach((k, v) -> matchLabels.put(k, String.valueOf(v)));
        selector.setMatchLabels(matchLabels);
        List<LabelSelectorRequirement> expressions = new ArrayList<>();
        for (Object e : list(raw.get("matchExpressions"))) {
            Map<String, Object> expression = map(e);
            expressions.add(new LabelSelectorRequirement(String.valueOf(expression.get("key")), String.valueOf(expression.get("operator")),
                    list(expression.get("values")).stream().map(String::valueOf).toList()));
        }
        selector.setMatchExpressions(expressions);
        return selector;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
