package io.privacygate.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** ingestion-service settings. Peer URLs have no default in prod. */
@ConfigMapping(prefix = "privacy-gate.ingestion")
public interface IngestionConfig {

    /** consent-service's base URL: subjects are resolved and decisions asked there. */
    URI consentUrl();

    /** dsr-service's base URL: Meta's data deletion callbacks open erasure requests there. */
    URI dsrUrl();

    /** Where this service is reached from outside: the data deletion status page's URL starts with it. */
    URI publicUrl();

    Purposes purposes();

    FieldCategories fieldCategories();

    Inbox inbox();

    Retention retention();

    Imports imports();

    Crm crm();

    Caches caches();

    DeletionCallbacks deletionCallbacks();

    Suppression suppression();

    Reconciliation reconciliation();

    /**
     * How far a platform's own time of an event may be ahead of its receipt here. A later time is replaced
     * by the time of receipt (issue 18): a payload must not move retention or "newer data wins" into the
     * future. Clocks of platforms and of this service differ by seconds; five minutes is ample.
     */
    @WithDefault("5m")
    Duration maxClockSkew();

    /**
     * How often refused webhook signatures are audited, aggregated per platform and source (read by its
     * schedule; {@code off} stops it, as in tests, which close the windows themselves).
     */
    @WithDefault("1m")
    String signatureRejectionsEvery();

    /** Which purpose each kind of event serves (DESIGN §4: configured, with these defaults). */
    interface Purposes {
        @WithDefault("social-engagement")
        String comment();

        @WithDefault("social-engagement")
        String mention();

        @WithDefault("social-engagement")
        String post();

        @WithDefault("customer-support")
        String directMessage();

        @WithDefault("marketing-leads")
        String leadForm();
    }

    /**
     * The data category each field belongs to. A field is kept only when the purpose's
     * {@code dataCategories} name its category (Art. 5(1)(c), data minimisation).
     */
    interface FieldCategories {
        @WithDefault("name")
        String name();

        /** A public handle: an Instagram username, an X screen name. */
        @WithDefault("name")
        String handle();

        @WithDefault("contact")
        String email();

        @WithDefault("contact")
        String phone();

        /** What the person wrote: a comment, a message, a post. */
        @WithDefault("message-content")
        String text();

        /** A lead form's answers other than name, e-mail and phone. */
        @WithDefault("form-answers")
        String answers();
    }

    /** The durable inbox between a webhook's acknowledgement and its processing. */
    interface Inbox {
        /** Turns the worker off (deliveries are still acknowledged and wait). */
        @WithDefault("true")
        boolean workerEnabled();

        /**
         * How often an idle worker looks for due deliveries (read by its schedule; the scheduler's minimum
         * is one second). A busy worker starts its next round at once.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Rounds run side by side on each replica. While one waits for consent-service or the database,
         * another works; each claims its own deliveries (SKIP LOCKED). A round spends most of its time
         * waiting (for the database, consent-service, or its turn on a busy CPU), so four chains on two cores
         * processed about twice what two did while webhooks poured in; six did no better than four.
         */
        @WithDefault("4")
        int workers();

        /** Deliveries claimed per round: as many as consent-service decides in one batch call. */
        @WithDefault("500")
        int claimSize();

        /** How long a claimed delivery is reserved before another round may retry it. */
        @WithDefault("60s")
        Duration lease();

        /** First wait after a failure (e.g. consent-service down); doubles up to {@link #maxBackoff()}. */
        @WithDefault("2s")
        Duration initialBackoff();

        @WithDefault("2m")
        Duration maxBackoff();

        /**
         * A raw delivery older than this is purged even if unprocessed (its purge is audited): the inbox
         * holds personal data that no decision has yet allowed, so it must not grow old.
         */
        @WithDefault("P7D")
        Duration maxAge();

        /** How long processed platform event ids are remembered, to drop redeliveries. */
        @WithDefault("P30D")
        Duration dedupeWindow();

        /** How often the inbox backlog and lag gauges are read from the database (read by their schedule). */
        @WithDefault("15s")
        Duration metricsInterval();

        /** How often expired deliveries and old event ids are purged (read by its schedule). */
        @WithDefault("10m")
        Duration housekeepingEvery();
    }

    interface Retention {
        /** How often the purge runs (read by its schedule). */
        @WithDefault("15m")
        Duration every();

        /** Rows deleted per statement, so that a purge never holds long locks. */
        @WithDefault("1000")
        int batchSize();

        /** Batches per run at most; the rest waits for the next run. */
        @WithDefault("100")
        int maxBatchesPerRun();
    }

    interface Imports {
        /** Lines per import at most; larger exports are split by the caller. */
        @WithDefault("10000")
        int maxLines();
    }

    interface Crm {
        /** The channel named in decisions for reads through the CRM API: purposes used there declare it. */
        @WithDefault("crm")
        String channel();
    }

    interface Caches {
        /** How long a resolved identifier set is remembered, to spare consent-service a call per event. */
        @WithDefault("10m")
        Duration subjectTtl();

        /** How long a purpose definition (categories, retention) is remembered. */
        @WithDefault("60s")
        Duration purposeTtl();
    }

    interface DeletionCallbacks {
        /** How often callbacks are handed on or followed up (read by its schedule). */
        @WithDefault("5s")
        Duration every();

        /** First wait after dsr-service failed to take a request; doubles up to {@link #maxBackoff()}. */
        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("10m")
        Duration maxBackoff();

        /** How often a request dsr-service is working on is asked about again, for the status page Meta links to. */
        @WithDefault("1m")
        Duration statusRefresh();
    }

    /** Reconciliation with the platforms (issue 21 point 3): deletions whose webhook was lost are found by asking. */
    interface Reconciliation {
        /**
         * How often stored items are compared with the platforms (read by its schedule; {@code off} stops it, as in tests,
         * which run it themselves). X's compliance jobs take minutes and X allows one concurrent job per type.
         */
        @WithDefault("6h")
        String every();

        /** Items asked about per platform and run, those asked about longest ago first. */
        @WithDefault("500")
        int batchSize();

        /** How often an X compliance job is polled until it is complete. */
        @WithDefault("30s")
        Duration xPollInterval();

        /** Polls of one X compliance job at most; a job not complete by then is left, and its items checked next run. */
        @WithDefault("60")
        int xMaxPolls();
    }

    /** The suppression list of erased platform ids (Art. 17; see the README, "Erased people stay erased"). */
    interface Suppression {
        /**
         * How long an erased platform id stays suppressed. Platforms redeliver for days, but a DPO may import
         * an export made long before the erasure; three years is the common limitation period (e.g. § 195 BGB)
         * within which the controller may have to show that the erasure held. The list holds blind indexes
         * only, no subject id and no content.
         */
        @WithDefault("P1095D")
        Duration retention();
    }
}
