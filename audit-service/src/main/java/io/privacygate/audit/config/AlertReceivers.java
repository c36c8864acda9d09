package io.privacygate.audit.config;

import io.privacygate.commons.outbox.OutboxConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Alert receivers (an incident desk, a SIEM) are outside the suite, so each must be an outbox destination signed with
 * a secret of its own, never one that would get this service's bearer token, which every service of the suite
 * accepts (docs/decisions/0021). Checked at start: a misconfigured receiver stops the service rather than leak the token or
 * leave alerts waiting unseen in the outbox.
 */
@ApplicationScoped
public class AlertReceivers {
    /** Standard Webhooks secrets are 24 to 64 random bytes; fewer would make the HMAC key guessable. */
    static final int MIN_SECRET_BYTES = 24;
    private static final String SECRET_PREFIX = "whsec_";
    private static final String PREFIX = "privacy-gate.outbox.destinations.";

    private final List<String> receivers;
    private final Map<String, OutboxConfig.Destination> destinations;

    AlertReceivers(DetectionConfig detection, OutboxConfig outbox) {
        this.receivers = detection.receivers().orElse(List.of());
        this.destinations = outbox.destinations();
    }

    void check(@Observes StartupEvent start) {
        List<String> faults = faults(receivers, destinations);
        if (!faults.isEmpty()) {
            throw new IllegalStateException("privacy-gate.audit.detection.receivers: " + String.join("; ", faults));
        }
    }

    /** What is wrong with the receivers' destinations, by property name; never a secret's value. */
    static List<String> faults(List<String> receivers, Map<String, OutboxConfig.Destination> destinations) {
        List<String> faults = new ArrayList<>();
        for (String receiver : receivers) {
            OutboxConfig.Destination destination = destinations.get(receiver);
            if (destination == null) {
                faults.add(PREFIX + receiver + ".url is required");
            } else if (destination.auth() != OutboxConfig.Auth.SIGNED) {
                faults.add(PREFIX + receiver + ".auth must be signed: a receiver outside the suite never gets its token");
            } else if (destination.signingSecret().isEmpty()) {
                faults.add(PREFIX + receiver + ".signing-secret is required (whsec_<base64>)");
            } else if (!usable(destination.signingSecret().get())) {
                faults.add(PREFIX + receiver + ".signing-secret must be a Standard Webhooks secret of at least "
                        + MIN_SECRET_BYTES + " random bytes");
            }
        }
        return faults;
    }

    private static boolean usable(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length >= MIN_SECRET_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
