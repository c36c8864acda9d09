package io.privacygate.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** audit-service settings. */
@ConfigMapping(prefix = "privacy-gate.audit")
public interface AuditConfig {

    /**
     * The clients that may append, each only in its own name: a client id is the name of the service it belongs
     * to (one confidential client per service, DESIGN §2), and every event of its batches must name that service.
     * audit-service is not among them: it records its own events in-process, never over HTTP.
     */
    @WithDefault("consent-service,ingestion-service,dsr-service")
    Set<String> senders();

    Checkpoint checkpoint();

    Verification verification();

    Tiles tiles();

    /**
     * The witnesses that cosign checkpoints (c2sp.org/tlog-witness), by name; none by default, and then every
     * checkpoint is published as soon as it is signed.
     */
    Map<String, Witness> witnesses();

    WitnessPolicy witnessPolicy();

    Alerts alerts();

    /**
     * How long an alert a DPO acknowledged as no breach is kept. Escalated alerts belong to the breach register
     * (Art. 33(5)) and are kept with it; open ones until someone decides.
     */
    interface Alerts {
        @WithDefault("P365D")
        Duration acknowledgedRetention();

        /** How often {@code AlertRetentionJob} looks ({@code off} to disable); read by its schedule. */
        @WithDefault("1h")
        String retentionInterval();
    }

    interface Checkpoint {
        /**
         * The first line of every checkpoint note: a name unique to this log (C2SP tlog-checkpoint), so that
         * a signature over one log's head can never be replayed as another's.
         */
        @WithDefault("privacy-gate.local/audit-log")
        @Pattern(regexp = "(?U)[^\\s+]+", message = "must be non-empty, without spaces or '+': it is also the key name of the note signature (c2sp.org/signed-note)")
        String origin();

        /**
         * How often the tree head is signed if it has grown: a duration ({@code 1m}) or {@code off}. Declared here
         * to be documented and validated; {@code CheckpointJob}'s {@code @Scheduled} expression reads it.
         */
        @WithDefault("1m")
        String interval();
    }

    interface Witness {
        /** The witness's submission prefix; {@code /add-checkpoint} is appended. */
        URI url();

        /** Its cosigner key as a vkey of signature type 0x04 (c2sp.org/tlog-cosignature): name+hash+base64. */
        String key();
    }

    interface WitnessPolicy {
        /**
         * How many of the configured witnesses must have cosigned a checkpoint before it is published ("1 of 2"); at
         * most the number of witnesses. Ignored when there are none.
         */
        @WithDefault("1")
        @Min(1)
        int quorum();

        /** How long connecting to a witness, and then waiting for its answer, may each take. */
        @WithDefault("5s")
        Duration timeout();
    }

    interface Tiles {
        /**
         * Full tiles held in memory, least recently read forgotten first (8 KiB each). A full tile never changes, so
         * one read once is served again without a query; the default holds every level-0 tile of a million entries.
         */
        @WithDefault("4096")
        @Min(0)
        int cacheSize();
    }

    interface Verification {
        /** Entries read and rehashed per query during a full verification; bounds its memory. */
        @WithDefault("16384")
        int chunkSize();
    }
}
