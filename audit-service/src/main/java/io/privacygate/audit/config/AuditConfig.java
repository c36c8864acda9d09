package io.privacygate.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

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
