package io.privacygate.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long consent-service keeps a person it has no basis for (issue #20, point 1). */
@ConfigMapping(prefix = "privacy-gate.subjects")
public interface SubjectsConfig {

    /**
     * How long a person resolved for ingestion stays pending, unconfirmed by a consent, a data subject request or a
     * permitted decision, before everything about them is purged (Art. 5(1)(e): kept no longer than necessary).
     */
    @WithDefault("PT24H")
    Duration pendingTtl();

    /** How often past-deadline pending people are purged ({@code PendingSubjectsJob}). */
    @WithDefault("5m")
    String purgeEvery();

    /** How long after start the first purge waits, so that a starting replica serves before it purges. */
    @WithDefault("1m")
    String purgeDelay();

    /**
     * How often the pending people that decisions permitted are confirmed, in one statement: a decision only queues
     * them, so that confirming costs the decision path nothing.
     */
    @WithDefault("1s")
    String confirmEvery();

    /** Pending people purged per transaction; a run purges batch after batch until none is due. */
    @WithDefault("500")
    int purgeBatchSize();
}
