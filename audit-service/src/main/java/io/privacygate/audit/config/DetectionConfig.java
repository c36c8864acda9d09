package io.privacygate.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Breach monitoring over the log (Art. 33(1) presumes a controller able to notice a breach). Each rule has its
 * own switch and thresholds; windows are measured in event time ({@code occurredAt}).
 */
@ConfigMapping(prefix = "privacy-gate.audit.detection")
public interface DetectionConfig {

    /** Turns every rule off: nothing is evaluated and the cursor waits; turned on again, the backlog is evaluated. */
    @WithDefault("true")
    boolean enabled();

    /** How often the detector looks for new entries. Declared to be documented; {@code DetectionJob} reads it. */
    @WithDefault("1s")
    String interval();

    /** Entries read and evaluated per transaction. */
    @WithDefault("2000")
    int chunkSize();

    /** At most this many entries before the cursor are replayed to rebuild the windows after a restart. */
    @WithDefault("100000")
    int rebuildMaxEntries();

    /** Keys (actors, sources, services) tracked per rule; the least recently seen is forgotten beyond it. */
    @WithDefault("10000")
    int maxKeys();

    /** Log indexes and subjectRefs kept per alert; the event count goes on beyond them. */
    @WithDefault("1000")
    int maxEvidence();

    /** Outbox destinations ({@code privacy-gate.outbox.destinations.<name>.url}) every new alert is sent to. */
    Optional<List<String>> receivers();

    BulkRead bulkRead();

    CrmPurpose crmPurpose();

    DeniedBurst deniedBurst();

    CryptoFailures cryptoFailures();

    DsrOverdue dsrOverdue();

    PlatformDeadline platformDeadline();

    /** One actor reading more distinct subjects than {@link #maxSubjects()} within {@link #window()}: a bulk export. */
    interface BulkRead {
        @WithDefault("true")
        boolean enabled();

        /** Successful actions that disclose a subject's data to the actor. */
        @WithDefault("crm.read,subject.identifiers-disclosed,dsr.request.disclosed")
        Set<String> actions();

        @WithDefault("50")
        int maxSubjects();

        @WithDefault("10m")
        Duration window();
    }

    /**
     * CRM reads without a purpose, refused for their purpose, or naming a purpose the subject's data was not
     * stored for (Art. 5(1)(b)). One actor's offending reads within {@link #window()} of each other form one alert.
     */
    interface CrmPurpose {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("crm.read")
        String action();

        @WithDefault("1h")
        Duration window();
    }

    /** More than {@link #maxDenials()} refusals from one source within {@link #window()}: probing or brute force. */
    interface DeniedBurst {
        @WithDefault("true")
        boolean enabled();

        /** Actions counted when their outcome is {@code DENIED}. */
        @WithDefault("access.denied,webhook.signature-rejected,crm.read,dsr.verification.code-refused")
        Set<String> actions();

        @WithDefault("20")
        int maxDenials();

        @WithDefault("1m")
        Duration window();
    }

    /** More than {@link #maxFailures()} decryption or key-provider failures in one service within {@link #window()}. */
    interface CryptoFailures {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("crypto.decryption-failed,crypto.key-unavailable")
        Set<String> actions();

        @WithDefault("5")
        int maxFailures();

        @WithDefault("5m")
        Duration window();
    }

    /** A data subject request past its Art. 12(3) deadline, as dsr-service reports it. */
    interface DsrOverdue {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("dsr.request.overdue")
        String action();
    }

    /**
     * An erasure that came from a platform's signal has that platform's deadline besides GDPR's (X: 24 hours);
     * dsr-service reports it near and missed.
     */
    interface PlatformDeadline {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("dsr.platform-deadline.near")
        String nearAction();

        @WithDefault("dsr.platform-deadline.missed")
        String missedAction();
    }
}
