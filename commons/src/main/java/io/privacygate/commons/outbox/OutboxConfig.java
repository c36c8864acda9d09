package io.privacygate.commons.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Where outbox messages go and how hard the relay tries. */
@ConfigMapping(prefix = "privacy-gate.outbox")
public interface OutboxConfig {

    /** Turns the relay off (messages are still written and wait). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for due messages (read by its schedule). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Messages claimed per round. */
    @WithDefault("200")
    int claimSize();

    /** How long a claimed message is reserved for this replica before another may retry it. */
    @WithDefault("60s")
    Duration lease();

    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("5m")
    Duration maxBackoff();

    @WithDefault("10s")
    Duration requestTimeout();

    /** Send a client-credentials token (quarkus-oidc-client's default client) with every delivery. */
    @WithDefault("true")
    boolean authenticate();

    /** Destinations by name: {@code privacy-gate.outbox.destinations.audit.url=...}. */
    Map<String, Destination> destinations();

    interface Destination {
        URI url();

        /**
         * When set, due messages are sent together as {@code {"<field>": [m1, m2, ...]}}, up to
         * {@link #maxBatch()}; otherwise one request per message.
         */
        Optional<String> batchField();

        @WithDefault("500")
        int maxBatch();
    }
}
