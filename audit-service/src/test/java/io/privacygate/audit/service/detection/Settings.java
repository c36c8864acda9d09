package io.privacygate.audit.service.detection;

import io.privacygate.audit.config.DetectionConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A {@link DetectionConfig} for plain tests: the documented defaults, with withers for the thresholds. */
record Settings(boolean enabled, String interval, int chunkSize, int rebuildMaxEntries, int maxKeys, int maxEvidence,
                Optional<List<String>> receivers, BulkRead bulkRead, CrmPurpose crmPurpose, DeniedBurst deniedBurst,
                CryptoFailures cryptoFailures, DsrOverdue dsrOverdue, PlatformDeadline platformDeadline)
        implements DetectionConfig {

    record Bulk(boolean enabled, Set<String> actions, int maxSubjects, Duration window) implements BulkRead {
    }

    record Crm(boolean enabled, String action, Duration window) implements CrmPurpose {
    }

    record Denied(boolean enabled, Set<String> actions, int maxDenials, Duration window) implements DeniedBurst {
    }

    record Crypto(boolean enabled, Set<String> actions, int maxFailures, Duration window) implements CryptoFailures {
    }

    record Overdue(boolean enabled, String action) implements DsrOverdue {
    }

    record Platform(boolean enabled, String nearAction, String missedAction) implements PlatformDeadline {
    }

    static Settings defaults() {
        return new Settings(true, "1s", 2000, 100_000, 10_000, 1000, Optional.empty(),
                new Bulk(true, Set.of("crm.read", "subject.identifiers-disclosed", "dsr.request.disclosed"), 50, Duration.ofMinutes(10)),
                new Crm(true, "crm.read", Duration.ofHours(1)),
                new Denied(true, Set.of("access.denied", "webhook.signature-rejected", "crm.read", "dsr.verification.code-refused"),
                        20, Duration.ofMinutes(1)),
                new Crypto(true, Set.of("crypto.decryption-failed", "crypto.key-unavailable"), 5, Duration.ofMinutes(5)),
                new Overdue(true, "dsr.request.overdue"),
                new Platform(true, "dsr.platform-deadline.near", "dsr.platform-deadline.missed"));
    }

    Settings bulk(int maxSubjects, Duration window) {
        return new Settings(enabled, interval, chunkSize, rebuildMaxEntries, maxKeys, maxEvidence, receivers,
                new Bulk(true, bulkRead.actions(), maxSubjects, window), crmPurpose, deniedBurst, cryptoFailures, dsrOverdue,
                platformDeadline);
    }

    Settings denied(int maxDenials, Duration window) {
        return new Settings(enabled, interval, chunkSize, rebuildMaxEntries, maxKeys, maxEvidence, receivers, bulkRead,
                crmPurpose, new Denied(true, deniedBurst.actions(), maxDenials, window), cryptoFailures, dsrOverdue,
                platformDeadline);
    }

    Settings crypto(int maxFailures, Duration window) {
        return new Settings(enabled, interval, chunkSize, rebuildMaxEntries, maxKeys, maxEvidence, receivers, bulkRead,
                crmPurpose, deniedBurst, new Crypto(true, cryptoFailures.actions(), maxFailures, window), dsrOverdue,
                platformDeadline);
    }

    Settings evidence(int max) {
        return new Settings(enabled, interval, chunkSize, rebuildMaxEntries, maxKeys, max, receivers, bulkRead, crmPurpose,
                deniedBurst, cryptoFailures, dsrOverdue, platformDeadline);
    }
}
