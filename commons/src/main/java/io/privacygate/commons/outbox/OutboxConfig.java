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

    /** How often the backlog gauges are read from the database (read by their schedule). */
    @WithDefault("15s")
    Duration metricsInterval();

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

        /**
         * How the receiver knows the sender. Signed unless said otherwise, so that a receiver added later never gets the
         * suite's bearer token by default: that token is good at every service of the suite.
         */
        @WithDefault("signed")
        Auth auth();

        /** The receiver's Standard Webhooks secret ({@code whsec_<base64>}); required when {@link #auth()} is signed. */
        Optional<String> signingSecret();
    }

    enum Auth {
        /** This service's client-credentials token: only for the suite's own services. */
        SUITE_TOKEN,
        /** No token; a Standard Webhooks signature with the receiver's own secret: for every receiver outside the suite. */
        SIGNED
    }
}
