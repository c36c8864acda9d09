package io.privacygate.deploy;

import io.fabric8.kubernetes.api.model.EnvVar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which services may leave the cluster, for which feature and on which port (issue 22): mail (consent-service,
 * dsr-service, on the configured SMTP port), the platforms' APIs (ingestion-service: Meta's Graph API, X's API, on
 * 443) and the webhook receivers outside the suite (audit-service's alerts, dsr-service's notifications, on 443).
 */
final class ExternalEgress {
    static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
    static final int HTTPS = 443;
    /** QUARKUS_MAILER_PORT as the prod overlay sets it: submission with STARTTLS (RFC 6409). */
    static final int SUBMISSION = 587;

    private static final Set<String> MAIL_SENDERS = Set.of("consent-service", "dsr-service");
    private static final Set<String> PLATFORM_CLIENTS = Set.of("ingestion-service");

    private ExternalEgress() {
    }

    /**
     * The ports an ipBlock egress of {@code service} may open: its mail server's whether or not one is configured yet
     * (both overlays share the policy), 443 for the platforms' APIs, and 443 for a webhook receiver only once its URL
     * is configured (an unused receiver must not leave a way out).
     */
    static Set<Integer> allowedPorts(String service, Map<String, EnvVar> env) {
        Set<Integer> ports = new TreeSet<>();
        if (MAIL_SENDERS.contains(service)) {
            ports.add(mailerPort(env));
        }
        if (PLATFORM_CLIENTS.contains(service) || receiverConfigured(service, env)) {
            ports.add(HTTPS);
        }
        return ports;
    }

    /** The external egress a service's configuration needs, feature to port. */
    static Map<String, Integer> needed(String service, Map<String, EnvVar> env) {
        Map<String, Integer> needed = new LinkedHashMap<>();
        if (MAIL_SENDERS.contains(service) && literal(env, "QUARKUS_MAILER_HOST").isPresent()) {
            needed.put("its SMTP server", mailerPort(env));
        }
        if (PLATFORM_CLIENTS.contains(service)) {
            needed.put("the platforms' APIs", HTTPS);
        }
        if (receiverConfigured(service, env)) {
            needed.put("its webhook receiver " + ManifestRules.EXTERNAL_RECEIVERS.get(service), HTTPS);
        }
        return needed;
    }

    private static boolean receiverConfigured(String service, Map<String, EnvVar> env) {
        String receiver = ManifestRules.EXTERNAL_RECEIVERS.get(service);
        return receiver != null && literal(env, "privacy-gate.outbox.destinations." + receiver + ".url").isPresent();
    }

    static boolean isEverywhere(String cidr) {
        return "0.0.0.0/0".equals(cidr) || "::/0".equals(cidr);
    }

    private static int mailerPort(Map<String, EnvVar> env) {
        return literal(env, "QUARKUS_MAILER_PORT").map(Integer::valueOf).orElse(SUBMISSION);
    }

    private static Optional<String> literal(Map<String, EnvVar> env, String key) {
        return Optional.ofNullable(env.get(key)).map(EnvVar::getValue).filter(v -> !v.isBlank());
    }
}
