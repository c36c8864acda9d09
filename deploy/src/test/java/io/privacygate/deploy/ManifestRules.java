package io.privacygate.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.privacygate.deploy.Manifests.describe;
import static io.privacygate.deploy.Manifests.labels;

/**
 * The deployment rules of issue 6 and deploy/README.md, checked on one rendered overlay. Every broken rule
 * is one line in {@link #check}'s answer, naming the resource and the rule, so a failing build says what
 * to fix. The rules about who may call whom come from DESIGN §1.
 */
final class ManifestRules {

    enum Environment { DEV, PROD }

    /** The four services and their ports (DESIGN §1). */
    static final Map<String, Integer> SERVICES = orderedMap(
            "consent-service", 8081, "ingestion-service", 8082, "dsr-service", 8083, "audit-service", 8084);

    /** Who calls each service, inside the namespace (DESIGN §1). */
    static final Map<String, Set<String>> CALLERS = orderedMap(
            "consent-service", Set.of("ingestion-service", "dsr-service"),
            "ingestion-service", Set.of("consent-service", "dsr-service"),
            "dsr-service", Set.of("ingestion-service", "consent-service"),
            "audit-service", Set.of("consent-service", "ingestion-service", "dsr-service"));

    /**
     * Outside callers each service may have: Prometheus for all; the ingress controller for the browser pages (the
     * privacy center on consent-service, the operator console on dsr-service) and the platform webhooks; labelled
     * clients.
     */
    static final Map<String, Set<String>> OUTSIDE_CALLERS = orderedMap(
            "consent-service", Set.of("namespace monitoring", "client-labelled pods", "namespace ingress-nginx"),
            "ingestion-service", Set.of("namespace monitoring", "namespace ingress-nginx"),
            "dsr-service", Set.of("namespace monitoring", "namespace ingress-nginx"),
            "audit-service", Set.of("namespace monitoring"));

    /** The labels a selector must never use: they change from release to release (and selectors are immutable). */
    static final Set<String> UNSTABLE_SELECTOR_LABELS = Set.of(
            "app.kubernetes.io/version", "version", "helm.sh/chart", "pod-template-hash", "controller-revision-hash");

    static final List<String> WORKLOAD_LABELS = List.of(
            "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/part-of", "app.kubernetes.io/component");

    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");
    private static final Pattern IMMUTABLE_TAG = Pattern.compile(".+:v?\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.]+)?");
    /**
     * Environment variables that hold secrets: never a literal value, always a secretKeyRef. Also in a property's own
     * dotted name (e.g. {@code privacy-gate.outbox.destinations.<name>.signing-secret}).
     */
    private static final Pattern SECRET_ENV = Pattern.compile("(?i).*[-_.](SECRET|PASSWORD|MASTER[-_]KEY|VERIFY[-_]TOKEN)$");
    private static final Set<String> PSS_MODES = Set.of("enforce", "audit", "warn");
    private static final String OUTBOX_DESTINATION = "PRIVACY_GATE_OUTBOX_DESTINATIONS_";
    /** The outbox destinations outside the suite that the manifests wire (dsr-service's notifications, audit's alerts). */
    static final Map<String, String> EXTERNAL_RECEIVERS = Map.of("dsr-service", "dsr-notifications", "audit-service", "incident-desk");
    /** The transit keys every service wraps with (DESIGN §3), as KeysConfig's env names end. */
    static final List<String> VAULT_WRAPPING_KEYS = List.of("SUBJECT_KEK", "BLIND_INDEX", "SIGNING_KEYS");

    private final Manifests manifests;
    private final Environment environment;
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Map<String, EnvVar>> environments = new java.util.HashMap<>();

    private ManifestRules(Manifests manifests, Environment environment) {
        this.manifests = manifests;
        this.environment = environment;
    }

    /** Every rule broken by {@code manifests}, one line each; empty when all hold. */
    static List<String> check(Manifests manifests, Environment environment) {
        ManifestRules rules = new ManifestRules(manifests, environment);
        rules.checkAll();
        return List.copyOf(rules.violations);
    }

    private void checkAll() {
        manifests.resources().forEach(this::checkCommonLabels);
        manifests.all(Deployment.class).forEach(d -> checkWorkload(d, d.getSpec().getSelector(), d.getSpec().getTemplate()));
        manifests.all(StatefulSet.class).forEach(s -> checkWorkload(s, s.getSpec().getSelector(), s.getSpec().getTemplate()));
        manifests.all(Service.class).forEach(this::checkServiceSelectsPods);
        manifests.all(PodDisruptionBudget.class).forEach(p -> checkSelectorMatchesPods(p, p.getSpec().getSelector()));
        SERVICES.forEach(this::checkPrivacyGateService);
        checkNamespace();
        checkNetworkPolicies();
        checkNoWildcardCors();
        if (environment == Environment.PROD) {
            checkProd();
        } else {
            checkDev();
        }
    }

    // --- labels -----------------------------------------------------------------------------------------

    private void checkCommonLabels(HasMetadata resource) {
        if (!"privacy-gate".equals(labels(resource).get("app.kubernetes.io/part-of"))) {
            fail(resource, "has no label app.kubernetes.io/part-of=privacy-gate");
        }
        if (Set.of("Deployment", "StatefulSet", "Service", "ServiceAccount", "PodDisruptionBudget", "HorizontalPodAutoscaler")
                .contains(resource.getKind())) {
            for (String label : List.of("app.kubernetes.io/name", "app.kubernetes.io/instance")) {
                if (!labels(resource).containsKey(label)) {
                    fail(resource, "has no label " + label);
                }
            }
        }
    }

    // --- workloads --------------------------------------------------------------------------------------

    private void checkWorkload(HasMetadata workload, LabelSelector selector, PodTemplateSpec template) {
        Map<String, String> podLabels = Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of());
        for (String label : WORKLOAD_LABELS) {
            if (!podLabels.containsKey(label)) {
                fail(workload, "pod template has no label " + label);
            }
        }
        checkStableSelector(workload, selector);
        if (!Selectors.matches(selector, podLabels)) {
            fail(workload, "selector " + Selectors.describe(selector) + " does not match its own pod labels " + podLabels);
        }
        PodSpec pod = template.getSpec();
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            fail(workload, "does not set automountServiceAccountToken: false (no workload here calls the Kubernetes API)");
        }
        boolean service = isPrivacyGateService(workload);
        for (Container container : allContainers(pod)) {
            String what = describe(workload) + " container " + container.getName();
            checkImage(what, container.getImage(), service);
            checkSecurityContext(what, pod.getSecurityContext(), container.getSecurityContext(), service);
            checkResources(what, container);
            checkSecretEnv(what, container);
        }
        for (Container container : pod.getContainers()) {
            String what = describe(workload) + " container " + container.getName();
            if (container.getStartupProbe() == null) {
                failLine(what + " has no startup probe");
            }
            if (container.getLivenessProbe() == null) {
                failLine(what + " has no liveness probe");
            }
            if (container.getReadinessProbe() == null) {
                failLine(what + " has no readiness probe");
            }
        }
    }

    private void checkStableSelector(HasMetadata owner, LabelSelector selector) {
        if (selector == null || (empty(selector.getMatchLabels()) && empty(selector.getMatchExpressions()))) {
            fail(owner, "has an empty selector");
            return;
        }
        for (String key : Selectors.keys(selector)) {
            if (UNSTABLE_SELECTOR_LABELS.contains(key)) {
                fail(owner, "selector uses the label " + key + ", which changes between releases (version labels never go in a selector)");
            }
        }
    }

    private void checkImage(String what, String image, boolean privacyGateService) {
        if (image == null || image.isBlank()) {
            failLine(what + " has no image");
            return;
        }
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        boolean hasTag = colon > slash;
        if (hasTag && withoutDigest.substring(colon + 1).equals("latest")) {
            failLine(what + " uses the :latest tag (" + image + ")");
        } else if (!hasTag && !image.contains("@")) {
            failLine(what + " has an image with neither tag nor digest, which means :latest (" + image + ")");
        }
        if (environment == Environment.PROD && privacyGateService
                && !DIGEST.matcher(image).matches() && !IMMUTABLE_TAG.matcher(image).matches()) {
            failLine(what + " is not pinned by digest (@sha256:...) or an immutable release tag (" + image + ")");
        }
    }

    private void checkSecurityContext(String what, PodSecurityContext pod, SecurityContext container, boolean privacyGateService) {
        PodSecurityContext p = Optional.ofNullable(pod).orElseGet(PodSecurityContext::new);
        SecurityContext c = Optional.ofNullable(container).orElseGet(SecurityContext::new);
        Boolean runAsNonRoot = c.getRunAsNonRoot() != null ? c.getRunAsNonRoot() : p.getRunAsNonRoot();
        if (!Boolean.TRUE.equals(runAsNonRoot)) {
            failLine(what + " does not set runAsNonRoot: true");
        }
        if (!Boolean.FALSE.equals(c.getAllowPrivilegeEscalation())) {
            failLine(what + " does not set allowPrivilegeEscalation: false");
        }
        if (Boolean.TRUE.equals(c.getPrivileged())) {
            failLine(what + " is privileged");
        }
        List<String> drop = c.getCapabilities() == null ? List.of() : nullToEmpty(c.getCapabilities().getDrop());
        List<String> add = c.getCapabilities() == null ? List.of() : nullToEmpty(c.getCapabilities().getAdd());
        if (!drop.contains("ALL")) {
            failLine(what + " does not drop ALL capabilities");
        }
        if (!add.isEmpty()) {
            failLine(what + " adds capabilities " + add);
        }
        String seccomp = c.getSeccompProfile() != null ? c.getSeccompProfile().getType()
                : p.getSeccompProfile() != null ? p.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp)) {
            failLine(what + " does not use the seccomp profile RuntimeDefault");
        }
        if (privacyGateService && !Boolean.TRUE.equals(c.getReadOnlyRootFilesystem())) {
            failLine(what + " does not set readOnlyRootFilesystem: true");
        }
    }

    private void checkResources(String what, Container container) {
        Map<String, Quantity> requests = container.getResources() == null ? Map.of() : nullToEmpty(container.getResources().getRequests());
        Map<String, Quantity> limits = container.getResources() == null ? Map.of() : nullToEmpty(container.getResources().getLimits());
        if (!requests.containsKey("cpu")) {
            failLine(what + " has no CPU request");
        }
        if (!requests.containsKey("memory")) {
            failLine(what + " has no memory request");
        }
        if (!limits.containsKey("memory")) {
            failLine(what + " has no memory limit");
        }
    }

    private void checkSecretEnv(String what, Container container) {
        for (EnvVar env : nullToEmpty(container.getEnv())) {
            if (SECRET_ENV.matcher(env.getName()).matches()
                    && (env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null)) {
                failLine(what + " sets " + env.getName() + " other than from a Secret (secretKeyRef)");
            }
        }
    }

    // --- Services, PDBs ---------------------------------------------------------------------------------

    private void checkServiceSelectsPods(Service service) {
        Map<String, String> selector = nullToEmpty(service.getSpec().getSelector());
        if (selector.isEmpty()) {
            fail(service, "has no selector");
            return;
        }
        for (String key : selector.keySet()) {
            if (UNSTABLE_SELECTOR_LABELS.contains(key)) {
                fail(service, "selector uses the label " + key + ", which changes between releases");
            }
        }
        List<PodTemplateSpec> pods = podTemplates().stream()
                .filter(t -> Selectors.contains(nullToEmpty(t.getMetadata().getLabels()), selector)).toList();
        if (pods.isEmpty()) {
            fail(service, "selects no pod of this overlay (" + selector + ")");
            return;
        }
        for (ServicePort port : service.getSpec().getPorts()) {
            IntOrString target = port.getTargetPort();
            if (target != null && target.getStrVal() != null) {
                boolean named = pods.stream().flatMap(t -> t.getSpec().getContainers().stream())
                        .flatMap(c -> nullToEmpty(c.getPorts()).stream())
                        .anyMatch(p -> target.getStrVal().equals(p.getName()));
                if (!named) {
                    fail(service, "targets the port " + target.getStrVal() + " that its pods do not name");
                }
            }
        }
    }

    private void checkSelectorMatchesPods(HasMetadata owner, LabelSelector selector) {
        checkStableSelector(owner, selector);
        boolean matches = podTemplates().stream()
                .anyMatch(t -> Selectors.matches(selector, nullToEmpty(t.getMetadata().getLabels())));
        if (!matches) {
            fail(owner, "selector " + Selectors.describe(selector) + " matches no pod of this overlay");
        }
    }

    // --- the four services ------------------------------------------------------------------------------

    private void checkPrivacyGateService(String name, int port) {
        Optional<Deployment> found = manifests.find(Deployment.class, name);
        if (found.isEmpty()) {
            failLine("Deployment " + name + " is missing");
            return;
        }
        Deployment deployment = found.get();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().getFirst();
        String what = describe(deployment) + " container " + container.getName();
        if (!"service".equals(labels(deployment).get("app.kubernetes.io/component"))) {
            fail(deployment, "has no label app.kubernetes.io/component=service");
        }

        // Probes: Quarkus' own health groups, on the service's HTTP port.
        Optional<ContainerPort> http = nullToEmpty(container.getPorts()).stream().filter(p -> "http".equals(p.getName())).findFirst();
        if (http.isEmpty() || http.get().getContainerPort() != port) {
            failLine(what + " does not name its port " + port + " \"http\"");
        }
        checkProbe(what, "startup", container.getStartupProbe(), "/q/health/started", port);
        checkProbe(what, "liveness", container.getLivenessProbe(), "/q/health/live", port);
        checkProbe(what, "readiness", container.getReadinessProbe(), "/q/health/ready", port);

        // The only writable place is /tmp, an emptyDir.
        Optional<VolumeMount> tmp = nullToEmpty(container.getVolumeMounts()).stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst();
        boolean tmpIsEmptyDir = tmp.flatMap(m -> volume(pod, m.getName())).map(v -> v.getEmptyDir() != null).orElse(false);
        if (!tmpIsEmptyDir) {
            failLine(what + " has no emptyDir mounted on /tmp");
        }

        // Its ServiceAccount and Service.
        String serviceAccount = pod.getServiceAccountName();
        if (!name.equals(serviceAccount)) {
            failLine(what + " does not run as the ServiceAccount " + name);
        }
        manifests.find(ServiceAccount.class, name).ifPresentOrElse(sa -> {
            if (!Boolean.FALSE.equals(sa.getAutomountServiceAccountToken())) {
                fail(sa, "does not set automountServiceAccountToken: false");
            }
        }, () -> failLine("ServiceAccount " + name + " is missing"));
        manifests.find(Service.class, name).ifPresentOrElse(service -> {
            if (service.getSpec().getPorts().stream().noneMatch(p -> p.getPort() == port)) {
                fail(service, "does not serve port " + port);
            }
        }, () -> failLine("Service " + name + " is missing"));

        checkServiceConfiguration(name, port, deployment, container, what);
    }

    private void checkProbe(String what, String kind, Probe probe, String path, int port) {
        if (probe == null) {
            return; // reported by checkWorkload
        }
        if (probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            failLine(what + " " + kind + " probe is not an HTTP GET of " + path
                    + (probe.getHttpGet() != null ? " (it calls " + probe.getHttpGet().getPath() + ")" : ""));
            return;
        }
        IntOrString probePort = probe.getHttpGet().getPort();
        boolean onPort = probePort != null && ("http".equals(probePort.getStrVal()) || Objects.equals(probePort.getIntVal(), port));
        if (!onPort) {
            failLine(what + " " + kind + " probe is not on the service's port");
        }
    }

    private void checkServiceConfiguration(String name, int port, Deployment deployment, Container container, String what) {
        String shortName = name.substring(0, name.indexOf('-'));
        Map<String, EnvVar> env = effectiveEnvironment(deployment, container);
        String httpPort = literal(env, "QUARKUS_HTTP_PORT");
        if (httpPort != null && !httpPort.equals(String.valueOf(port))) {
            failLine(what + " sets QUARKUS_HTTP_PORT=" + httpPort + ", not " + port);
        }
        String dataDir = literal(env, "PRIVACY_GATE_DATA_DIR");
        if (dataDir == null || !dataDir.startsWith("/tmp/")) {
            failLine(what + " does not set PRIVACY_GATE_DATA_DIR under /tmp (the only writable place)");
        }
        for (String key : List.of("QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", "QUARKUS_DATASOURCE_REACTIVE_URL")) {
            if (literal(env, key) == null) {
                failLine(what + " does not set " + key);
            }
        }
        if (!name.equals(literal(env, "QUARKUS_OIDC_CLIENT_CLIENT_ID"))) {
            failLine(what + " does not use its own Keycloak client " + name);
        }
        String jdbc = literal(env, "QUARKUS_DATASOURCE_JDBC_URL");
        String ownDatabase = "jdbc:postgresql://" + shortName + "-db-rw:5432/" + shortName;
        if (jdbc == null || !(jdbc.equals(ownDatabase) || jdbc.startsWith(ownDatabase + "?"))) {
            failLine(what + " does not use its own database " + ownDatabase + " (it has " + jdbc + ")");
        }
        for (String key : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET")) {
            if (secretRef(env, key) == null) {
                failLine(what + " does not read " + key + " from a Secret");
            }
        }
        if (!name.equals("audit-service")) {
            // http, or https with the optional TLS component (components/tls).
            String auditUrl = literal(env, "PRIVACY_GATE_OUTBOX_DESTINATIONS_AUDIT_URL");
            if (!List.of("http://audit-service:8084/api/v1/events", "https://audit-service:8084/api/v1/events").contains(auditUrl)) {
                failLine(what + " does not send audit events to http(s)://audit-service:8084/api/v1/events");
            }
            if (!"events".equals(literal(env, "PRIVACY_GATE_OUTBOX_DESTINATIONS_AUDIT_BATCH_FIELD"))) {
                failLine(what + " does not set PRIVACY_GATE_OUTBOX_DESTINATIONS_AUDIT_BATCH_FIELD=events");
            }
        }
        checkOutboxDestinations(name, env, what);
        if (name.equals("ingestion-service")) {
            for (String key : List.of("PRIVACY_GATE_PLATFORMS_META_APP_SECRET", "PRIVACY_GATE_PLATFORMS_META_VERIFY_TOKEN",
                    "PRIVACY_GATE_PLATFORMS_LINKEDIN_CLIENT_SECRET", "PRIVACY_GATE_PLATFORMS_X_CONSUMER_SECRET")) {
                if (secretRef(env, key) == null) {
                    failLine(what + " does not read " + key + " from a Secret");
                }
            }
        }
        for (EnvVar var : env.values()) {
            if (SECRET_ENV.matcher(var.getName()).matches() && var.getValue() != null) {
                failLine(what + " has the secret " + var.getName() + " as plain configuration");
            }
        }
        String provider = literal(env, "PRIVACY_GATE_KEYS_PROVIDER");
        if (environment == Environment.PROD) {
            checkVault(name, deployment, container, env, what, provider);
        } else if ("local".equals(provider) && secretRef(env, "PRIVACY_GATE_KEYS_LOCAL_MASTER_KEY") == null) {
            failLine(what + " uses the local key provider without a master key from a Secret");
        }
    }

    private void checkVault(String name, Deployment deployment, Container container, Map<String, EnvVar> env, String what, String provider) {
        if (!"vault".equals(provider)) {
            failLine(what + " does not use the vault key provider in prod (PRIVACY_GATE_KEYS_PROVIDER=" + provider + ")");
        }
        if (env.containsKey("PRIVACY_GATE_KEYS_LOCAL_MASTER_KEY")) {
            failLine(what + " has a local master key in prod");
        }
        if (literal(env, "QUARKUS_VAULT_URL") == null) {
            failLine(what + " does not set QUARKUS_VAULT_URL");
        }
        if (!name.equals(literal(env, "QUARKUS_VAULT_AUTHENTICATION_KUBERNETES_ROLE"))) {
            failLine(what + " does not use the Vault Kubernetes auth role " + name);
        }
        checkOwnTransitKeys(name, env, what);
        // Kubernetes auth needs a service account token: a projected one for the audience "vault".
        String tokenPath = literal(env, "QUARKUS_VAULT_AUTHENTICATION_KUBERNETES_JWT_TOKEN_PATH");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        boolean tokenMounted = tokenPath != null && nullToEmpty(container.getVolumeMounts()).stream()
                .filter(m -> tokenPath.startsWith(m.getMountPath() + "/"))
                .flatMap(m -> volume(pod, m.getName()).stream())
                .filter(v -> v.getProjected() != null)
                .flatMap(v -> nullToEmpty(v.getProjected().getSources()).stream())
                .map(VolumeProjection::getServiceAccountToken)
                .filter(Objects::nonNull)
                .anyMatch(t -> "vault".equals(t.getAudience()) && tokenPath.endsWith("/" + t.getPath()));
        if (!tokenMounted) {
            failLine(what + " has no projected service account token for the audience \"vault\" at " + tokenPath);
        }
    }

    /**
     * Issue 18: the suite's tokens never leave the suite. A destination that gets the service's bearer token
     * ({@code auth=suite-token}) is one of the four services at its in-cluster address; the suite's own destinations
     * set here (audit events, consent changes) say so. Any other destination is signed (Standard Webhooks, the
     * default); its signing secret, like every secret, comes from a Secret ({@link #SECRET_ENV}).
     */
    private void checkOutboxDestinations(String name, Map<String, EnvVar> env, String what) {
        String receiver = EXTERNAL_RECEIVERS.get(name);
        if (receiver != null && secretRef(env, "privacy-gate.outbox.destinations." + receiver + ".signing-secret") == null) {
            failLine(what + " does not read the signing secret of its external receiver " + receiver + " from a Secret");
        }
        for (String suiteOwn : List.of("AUDIT", "INGESTION")) {
            if (literal(env, OUTBOX_DESTINATION + suiteOwn + "_URL") != null
                    && !"suite-token".equals(literal(env, OUTBOX_DESTINATION + suiteOwn + "_AUTH"))) {
                failLine(what + " does not set " + OUTBOX_DESTINATION + suiteOwn + "_AUTH=suite-token for the suite's own destination");
            }
        }
        env.forEach((key, var) -> {
            if (key.startsWith(OUTBOX_DESTINATION) && key.endsWith("_AUTH") && "suite-token".equals(var.getValue())) {
                String destination = key.substring(OUTBOX_DESTINATION.length(), key.length() - "_AUTH".length());
                String url = literal(env, OUTBOX_DESTINATION + destination + "_URL");
                boolean insideTheSuite = url != null && SERVICES.entrySet().stream()
                        .anyMatch(service -> url.matches("https?://" + service.getKey() + ":" + service.getValue() + "/.*"));
                if (!insideTheSuite) {
                    failLine(what + " sends its bearer token to the outbox destination " + destination + " at " + url
                            + ", which is not one of the suite's services");
                }
            }
        });
    }

    /**
     * Issue 18: no transit key is shared between services. Each service names its own {@code <service>-<purpose>}
     * key for every purpose it wraps with (audit-service also for checkpoints), and no key of another service.
     */
    private void checkOwnTransitKeys(String name, Map<String, EnvVar> env, String what) {
        List<String> purposes = new ArrayList<>(VAULT_WRAPPING_KEYS);
        if (name.equals("audit-service")) {
            purposes.add("CHECKPOINT_SIGNING");
        }
        for (String purpose : purposes) {
            String key = "PRIVACY_GATE_KEYS_VAULT_" + purpose;
            String expected = name + "-" + purpose.toLowerCase(Locale.ROOT).replace('_', '-');
            if (!expected.equals(literal(env, key))) {
                failLine(what + " does not use its own transit key " + expected + " (" + key + "=" + literal(env, key) + ")");
            }
        }
        env.forEach((key, var) -> {
            if (key.startsWith("PRIVACY_GATE_KEYS_VAULT_") && var.getValue() != null && !var.getValue().startsWith(name + "-")) {
                failLine(what + " names the transit key " + var.getValue() + " (" + key + "), which is not its own");
            }
        });
    }

    /** The container's environment as the kubelet builds it: envFrom ConfigMaps first, then env (worked out once per container). */
    private Map<String, EnvVar> effectiveEnvironment(Deployment deployment, Container container) {
        return environments.computeIfAbsent(describe(deployment) + "/" + container.getName(), k -> buildEnvironment(deployment, container));
    }

    private Map<String, EnvVar> buildEnvironment(Deployment deployment, Container container) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        for (EnvFromSource source : nullToEmpty(container.getEnvFrom())) {
            if (source.getConfigMapRef() != null) {
                String configMap = source.getConfigMapRef().getName();
                manifests.find(ConfigMap.class, configMap).ifPresentOrElse(
                        cm -> nullToEmpty(cm.getData()).forEach((k, v) -> env.put(k, new EnvVar(k, v, null))),
                        () -> failLine(describe(deployment) + " reads the ConfigMap " + configMap + ", which this overlay does not make"));
            } else if (source.getSecretRef() != null) {
                failLine(describe(deployment) + " imports a whole Secret with envFrom (name each key with secretKeyRef)");
            }
        }
        nullToEmpty(container.getEnv()).forEach(e -> env.put(e.getName(), e));
        return env;
    }

    // --- namespace --------------------------------------------------------------------------------------

    private void checkNamespace() {
        List<Namespace> namespaces = manifests.all(Namespace.class);
        if (namespaces.size() != 1) {
            failLine("the overlay makes " + namespaces.size() + " Namespaces, not one");
            return;
        }
        Namespace namespace = namespaces.getFirst();
        for (String mode : PSS_MODES) {
            String key = "pod-security.kubernetes.io/" + mode;
            if (!"restricted".equals(labels(namespace).get(key))) {
                fail(namespace, "is not labelled " + key + "=restricted");
            }
        }
        String name = namespace.getMetadata().getName();
        for (HasMetadata resource : manifests.resources()) {
            if (!(resource instanceof Namespace) && !name.equals(resource.getMetadata().getNamespace())) {
                fail(resource, "is not in the namespace " + name);
            }
        }
    }

    // --- NetworkPolicies --------------------------------------------------------------------------------

    private void checkNetworkPolicies() {
        List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
        boolean defaultDeny = policies.stream().anyMatch(p -> Selectors.isEmpty(p.getSpec().getPodSelector())
                && nullToEmpty(p.getSpec().getPolicyTypes()).containsAll(List.of("Ingress", "Egress"))
                && nullToEmpty(p.getSpec().getIngress()).isEmpty()
                && nullToEmpty(p.getSpec().getEgress()).isEmpty());
        if (!defaultDeny) {
            failLine("no default-deny NetworkPolicy (empty podSelector, policyTypes Ingress and Egress, no rules)");
        }
        SERVICES.forEach((name, port) -> manifests.find(Deployment.class, name).ifPresent(deployment -> {
            Map<String, String> podLabels = nullToEmpty(deployment.getSpec().getTemplate().getMetadata().getLabels());
            List<NetworkPolicy> selecting = policies.stream()
                    .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), podLabels)).toList();
            checkIngress(name, port, selecting);
            checkEgress(name, selecting, effectiveEnvironment(deployment, deployment.getSpec().getTemplate().getSpec().getContainers().getFirst()));
        }));
    }

    private void checkIngress(String name, int port, List<NetworkPolicy> policies) {
        Set<String> callers = new TreeSet<>();
        Set<String> outside = new TreeSet<>();
        for (NetworkPolicy policy : policies) {
            if (!nullToEmpty(policy.getSpec().getPolicyTypes()).contains("Ingress")) {
                continue;
            }
            for (NetworkPolicyIngressRule rule : nullToEmpty(policy.getSpec().getIngress())) {
                String where = describe(policy) + " (ingress to " + name + ")";
                if (nullToEmpty(rule.getFrom()).isEmpty()) {
                    failLine(where + " allows every source");
                }
                if (nullToEmpty(rule.getPorts()).isEmpty()) {
                    failLine(where + " allows every port");
                }
                for (NetworkPolicyPort p : nullToEmpty(rule.getPorts())) {
                    if (!(Objects.equals(p.getPort() == null ? null : p.getPort().getIntVal(), port) || (p.getPort() != null && "http".equals(p.getPort().getStrVal())))) {
                        failLine(where + " opens a port other than " + port);
                    }
                }
                for (NetworkPolicyPeer peer : nullToEmpty(rule.getFrom())) {
                    describePeer(peer).ifPresentOrElse(
                            d -> (d.startsWith("service ") ? callers : outside).add(d.startsWith("service ") ? d.substring(8) : d),
                            () -> failLine(where + " allows an unexpected source " + peer));
                }
            }
        }
        if (!callers.equals(new TreeSet<>(CALLERS.get(name)))) {
            failLine(name + " takes calls from " + callers + " in its namespace, but its callers are " + new TreeSet<>(CALLERS.get(name)));
        }
        if (!outside.equals(new TreeSet<>(OUTSIDE_CALLERS.get(name)))) {
            failLine(name + " takes calls from " + outside + " outside its namespace, but should from " + new TreeSet<>(OUTSIDE_CALLERS.get(name)));
        }
    }

    private void checkEgress(String name, List<NetworkPolicy> policies, Map<String, EnvVar> env) {
        Set<Integer> externalPorts = new TreeSet<>();
        Set<String> callees = new TreeSet<>();
        Set<String> databases = new TreeSet<>();
        Set<String> infrastructure = new TreeSet<>();
        for (NetworkPolicy policy : policies) {
            if (!nullToEmpty(policy.getSpec().getPolicyTypes()).contains("Egress")) {
                continue;
            }
            for (NetworkPolicyEgressRule rule : nullToEmpty(policy.getSpec().getEgress())) {
                String where = describe(policy) + " (egress from " + name + ")";
                if (nullToEmpty(rule.getTo()).isEmpty()) {
                    failLine(where + " allows every destination");
                }
                if (nullToEmpty(rule.getPorts()).isEmpty()) {
                    failLine(where + " allows every port");
                }
                for (NetworkPolicyPeer peer : nullToEmpty(rule.getTo())) {
                    if (peer.getIpBlock() != null) {
                        checkExternalEgress(name, where, peer.getIpBlock(), rule, env).forEach(externalPorts::add);
                        continue;
                    }
                    Optional<String> d = describePeer(peer);
                    if (d.isEmpty()) {
                        failLine(where + " allows an unexpected destination " + peer);
                    } else if (d.get().startsWith("service ")) {
                        callees.add(d.get().substring(8));
                    } else if (d.get().startsWith("database ")) {
                        databases.add(d.get().substring(9));
                    } else {
                        infrastructure.add(d.get());
                    }
                }
            }
        }
        Set<String> expectedCallees = new TreeSet<>();
        CALLERS.forEach((callee, callers) -> {
            if (callers.contains(name)) {
                expectedCallees.add(callee);
            }
        });
        if (!callees.equals(expectedCallees)) {
            failLine(name + " may call " + callees + ", but it calls " + expectedCallees);
        }
        String own = name.substring(0, name.indexOf('-'));
        if (!databases.equals(Set.of(own))) {
            failLine(name + " may reach the databases " + databases + ", but only its own (" + own + ")");
        }
        for (String needed : List.of("dns", "keycloak", "vault")) {
            if (infrastructure.stream().noneMatch(i -> i.startsWith(needed))) {
                failLine(name + " has no egress to " + needed);
            }
        }
        ExternalEgress.needed(name, env).forEach((feature, port) -> {
            if (!externalPorts.contains(port)) {
                failLine(name + " has no egress to " + feature + " (TCP " + port + " to an ipBlock)");
            }
        });
    }

    /**
     * Issue 22: egress outside the cluster is opened only for a feature of the service ({@link ExternalEgress}), on
     * that feature's port, and "the internet" (0.0.0.0/0) never includes the private ranges the cluster's own pods and
     * services live in. Returns the ports the rule opens to that block.
     */
    private List<Integer> checkExternalEgress(String name, String where, IPBlock block, NetworkPolicyEgressRule rule, Map<String, EnvVar> env) {
        Set<Integer> allowed = ExternalEgress.allowedPorts(name, env);
        List<Integer> ports = new ArrayList<>();
        if (nullToEmpty(rule.getPorts()).isEmpty()) {
            return ports; // reported as "allows every port"
        }
        for (NetworkPolicyPort p : rule.getPorts()) {
            Integer port = p.getPort() == null ? null : p.getPort().getIntVal();
            if (port == null || !allowed.contains(port) || p.getEndPort() != null) {
                failLine(where + " opens " + block.getCidr() + " on port " + (p.getPort() == null ? "(any)" : Objects.requireNonNullElse(p.getPort().getIntVal(), p.getPort().getStrVal()))
                        + ", which none of its features needs (it may use " + allowed + ")");
            } else {
                ports.add(port);
            }
        }
        if (ExternalEgress.isEverywhere(block.getCidr()) && !nullToEmpty(block.getExcept()).containsAll(ExternalEgress.PRIVATE_RANGES)) {
            failLine(where + " opens " + block.getCidr() + " without excepting the private ranges " + ExternalEgress.PRIVATE_RANGES
                    + " (the cluster's own pods and services)");
        }
        return ports;
    }

    /**
     * What a NetworkPolicy peer stands for, in the terms of DESIGN §1; empty for a peer this suite never
     * needs (an ipBlock, a whole other namespace that is not one of the known ones, ...).
     */
    private Optional<String> describePeer(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return Optional.empty();
        }
        Map<String, String> pod = peer.getPodSelector() == null ? null : nullToEmpty(peer.getPodSelector().getMatchLabels());
        Map<String, String> ns = peer.getNamespaceSelector() == null ? null : nullToEmpty(peer.getNamespaceSelector().getMatchLabels());
        if (ns == null && pod != null) {
            if (pod.containsKey("privacy-gate.io/database") && pod.size() == 1) {
                return Optional.of("database " + pod.get("privacy-gate.io/database"));
            }
            String app = pod.get("app.kubernetes.io/name");
            if (SERVICES.containsKey(app)) {
                return Optional.of("service " + app);
            }
            if ("keycloak".equals(app) || "vault".equals(app)) {
                return Optional.of(app + " (this namespace)");
            }
            return Optional.empty();
        }
        if (ns != null) {
            String namespace = ns.get("kubernetes.io/metadata.name");
            if ("true".equals(ns.get("privacy-gate.io/client")) && pod != null && "true".equals(pod.get("privacy-gate.io/client"))) {
                return Optional.of("client-labelled pods");
            }
            if ("kube-system".equals(namespace) && pod != null && "kube-dns".equals(pod.get("k8s-app"))) {
                return Optional.of("dns");
            }
            if ("keycloak".equals(namespace) || "vault".equals(namespace)) {
                return Optional.of(namespace + " (namespace " + namespace + ")");
            }
            if ("monitoring".equals(namespace) || "ingress-nginx".equals(namespace)) {
                return pod == null ? Optional.of("namespace " + namespace) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    // --- misc -------------------------------------------------------------------------------------------

    private void checkNoWildcardCors() {
        for (ConfigMap cm : manifests.all(ConfigMap.class)) {
            nullToEmpty(cm.getData()).forEach((key, value) -> {
                if (key.toUpperCase().contains("CORS") && value.contains("*")) {
                    fail(cm, "allows CORS from * (" + key + ")");
                }
            });
        }
    }

    // --- prod -------------------------------------------------------------------------------------------

    private void checkProd() {
        violations.addAll(MonitoringRules.check(manifests));
        for (Secret secret : manifests.all(Secret.class)) {
            fail(secret, "is in the prod output: prod reads Secrets the operator (or CloudNativePG) creates, never from git");
        }
        SERVICES.keySet().forEach(name -> manifests.find(Deployment.class, name).ifPresent(deployment -> {
            Integer replicas = deployment.getSpec().getReplicas();
            if (replicas == null || replicas < 2) {
                fail(deployment, "has " + replicas + " replicas; prod needs at least 2");
            }
            Map<String, String> podLabels = nullToEmpty(deployment.getSpec().getTemplate().getMetadata().getLabels());
            boolean pdb = manifests.all(PodDisruptionBudget.class).stream()
                    .anyMatch(p -> Selectors.matches(p.getSpec().getSelector(), podLabels));
            if (!pdb) {
                fail(deployment, "has no PodDisruptionBudget");
            }
            List<HorizontalPodAutoscaler> hpas = manifests.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                            && name.equals(h.getSpec().getScaleTargetRef().getName()))
                    .toList();
            if (hpas.isEmpty()) {
                fail(deployment, "has no HorizontalPodAutoscaler");
            }
            for (HorizontalPodAutoscaler hpa : hpas) {
                Integer min = hpa.getSpec().getMinReplicas();
                if (min == null || min < 2 || hpa.getSpec().getMaxReplicas() < min) {
                    fail(hpa, "must scale between at least 2 and a larger maximum (min " + min + ", max " + hpa.getSpec().getMaxReplicas() + ")");
                }
            }
            String shortName = name.substring(0, name.indexOf('-'));
            checkCloudNativePgCluster(shortName);
        }));
    }

    private void checkCloudNativePgCluster(String database) {
        String name = database + "-db";
        Optional<GenericKubernetesResource> cluster = manifests.ofKind("Cluster").stream()
                .filter(r -> r.getApiVersion().equals("postgresql.cnpg.io/v1") && name.equals(r.getMetadata().getName()))
                .map(GenericKubernetesResource.class::cast)
                .findFirst();
        if (cluster.isEmpty()) {
            failLine("CloudNativePG Cluster " + name + " (postgresql.cnpg.io/v1) is missing");
            return;
        }
        GenericKubernetesResource c = cluster.get();
        Map<String, Object> spec = map(c.getAdditionalProperties().get("spec"));
        if (!database.equals(map(map(spec.get("bootstrap")).get("initdb")).get("database"))) {
            fail(c, "does not create the database " + database);
        }
        if (!database.equals(map(map(spec.get("inheritedMetadata")).get("labels")).get("privacy-gate.io/database"))) {
            fail(c, "does not label its pods privacy-gate.io/database=" + database + " (the NetworkPolicies select on it)");
        }
        Object image = spec.get("imageName");
        if (image != null) {
            checkImage(describe(c), image.toString(), false);
        }
    }

    // --- dev --------------------------------------------------------------------------------------------

    private void checkDev() {
        checkRealmImported();
        for (String database : List.of("consent", "ingestion", "dsr", "audit")) {
            Optional<StatefulSet> db = manifests.find(StatefulSet.class, database + "-db");
            if (db.isEmpty()) {
                failLine("StatefulSet " + database + "-db (dev PostgreSQL) is missing");
            } else if (!database.equals(nullToEmpty(db.get().getSpec().getTemplate().getMetadata().getLabels()).get("privacy-gate.io/database"))) {
                fail(db.get(), "pods are not labelled privacy-gate.io/database=" + database);
            }
            if (manifests.find(Service.class, database + "-db-rw").isEmpty()) {
                failLine("Service " + database + "-db-rw (dev PostgreSQL) is missing");
            }
        }
        Set<String> realmSecrets = DevRealm.clientSecrets();
        for (Secret secret : manifests.all(Secret.class)) {
            nullToEmpty(secret.getData()).forEach((key, value) -> {
                String plain = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                if (!isThrowaway(plain, realmSecrets)) {
                    fail(secret, "key " + key + " is not a clearly throwaway dev value (dev-only-..., or the dev realm's client secret)");
                }
            });
            if (!nullToEmpty(secret.getStringData()).isEmpty()) {
                fail(secret, "uses stringData (use a secretGenerator)");
            }
        }
    }

    /** A dev secret is "dev-only-...", a dev realm client secret, a username, or a keyring whose bytes read "dev-only...". */
    private static boolean isThrowaway(String value, Set<String> realmSecrets) {
        if (value.contains("dev-only") || realmSecrets.contains(value) || value.matches("[a-z]{1,20}")) {
            return true;
        }
        return Stream.of(value.split("[,\\n]")).allMatch(entry -> {
            String key = entry.substring(entry.indexOf(':') + 1).trim();
            try {
                return new String(Base64.getDecoder().decode(key), StandardCharsets.US_ASCII).startsWith("dev-only");
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    private void checkRealmImported() {
        Optional<ConfigMap> realm = manifests.all(ConfigMap.class).stream()
                .filter(cm -> nullToEmpty(cm.getData()).containsKey(DevRealm.FILE_NAME)).findFirst();
        if (realm.isEmpty()) {
            failLine("no ConfigMap holds " + DevRealm.FILE_NAME + " (the dev realm)");
            return;
        }
        if (!DevRealm.text().equals(realm.get().getData().get(DevRealm.FILE_NAME))) {
            fail(realm.get(), "is not the content of deploy/keycloak/" + DevRealm.FILE_NAME);
        }
        String configMap = realm.get().getMetadata().getName();
        Optional<Deployment> keycloak = manifests.find(Deployment.class, "keycloak");
        if (keycloak.isEmpty()) {
            failLine("Deployment keycloak (dev) is missing");
            return;
        }
        PodSpec pod = keycloak.get().getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().getFirst();
        if (!nullToEmpty(container.getArgs()).contains("--import-realm")) {
            fail(keycloak.get(), "does not start with --import-realm");
        }
        boolean mounted = nullToEmpty(container.getVolumeMounts()).stream()
                .filter(m -> "/opt/keycloak/data/import".equals(m.getMountPath()))
                .flatMap(m -> volume(pod, m.getName()).stream())
                .anyMatch(v -> v.getConfigMap() != null && configMap.equals(v.getConfigMap().getName()));
        if (!mounted) {
            fail(keycloak.get(), "does not mount the realm ConfigMap " + configMap + " on /opt/keycloak/data/import");
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private List<PodTemplateSpec> podTemplates() {
        List<PodTemplateSpec> templates = new ArrayList<>();
        manifests.all(Deployment.class).forEach(d -> templates.add(d.getSpec().getTemplate()));
        manifests.all(StatefulSet.class).forEach(s -> templates.add(s.getSpec().getTemplate()));
        return templates;
    }

    private static boolean isPrivacyGateService(HasMetadata workload) {
        return workload instanceof Deployment && SERVICES.containsKey(workload.getMetadata().getName());
    }

    private static List<Container> allContainers(PodSpec pod) {
        List<Container> all = new ArrayList<>(nullToEmpty(pod.getInitContainers()));
        all.addAll(pod.getContainers());
        return all;
    }

    private static Optional<Volume> volume(PodSpec pod, String name) {
        return nullToEmpty(pod.getVolumes()).stream().filter(v -> name.equals(v.getName())).findFirst();
    }

    private static String literal(Map<String, EnvVar> env, String key) {
        EnvVar var = env.get(key);
        return var == null ? null : var.getValue();
    }

    private static String secretRef(Map<String, EnvVar> env, String key) {
        EnvVar var = env.get(key);
        return var == null || var.getValueFrom() == null || var.getValueFrom().getSecretKeyRef() == null
                ? null : var.getValueFrom().getSecretKeyRef().getName();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private void fail(HasMetadata resource, String message) {
        failLine(describe(resource) + " " + message);
    }

    private void failLine(String line) {
        violations.add(line);
    }

    private static boolean empty(java.util.Collection<?> c) {
        return c == null || c.isEmpty();
    }

    private static boolean empty(Map<?, ?> m) {
        return m == null || m.isEmpty();
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> nullToEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> orderedMap(Object... keysAndValues) {
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((K) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** Label selectors as Kubernetes evaluates them (matchLabels and matchExpressions). */
    static final class Selectors {
        private Selectors() {
        }

        static boolean isEmpty(LabelSelector selector) {
            return selector == null || (empty(selector.getMatchLabels()) && empty(selector.getMatchExpressions()));
        }

        static boolean matches(LabelSelector selector, Map<String, String> labels) {
            if (selector == null) {
                return false;
            }
            if (!contains(labels, nullToEmpty(selector.getMatchLabels()))) {
                return false;
            }
            for (LabelSelectorRequirement r : nullToEmpty(selector.getMatchExpressions())) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> false;
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        static boolean contains(Map<String, String> labels, Map<String, String> required) {
            return required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }

        static Set<String> keys(LabelSelector selector) {
            Set<String> keys = new TreeSet<>(nullToEmpty(selector.getMatchLabels()).keySet());
            nullToEmpty(selector.getMatchExpressions()).forEach(r -> keys.add(r.getKey()));
            return keys;
        }

        static String describe(LabelSelector selector) {
            return selector == null ? "(none)" : nullToEmpty(selector.getMatchLabels()) + " " + nullToEmpty(selector.getMatchExpressions());
        }
    }
}
