package io.privacygate.dsr.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the console reads from consent-service and audit-service, as those services document it (DESIGN §4). */
public final class ConsoleRecords {
    private ConsoleRecords() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subject(UUID subjectId, boolean restricted, Instant restrictionChangedAt, Instant createdAt,
                          List<LinkedIdentifier> identifiers) {
        public List<LinkedIdentifier> identifiers() {
            return identifiers == null ? List.of() : identifiers;
        }
    }

    /** Personal data: shown to the operator who asked, never logged. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LinkedIdentifier(String type, String value, Instant linkedAt) {
        @Override
        public String toString() {
            return "LinkedIdentifier[type=" + type + ", value=<redacted>]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CurrentConsent(String purpose, String state, UUID eventId, UUID receiptId, String noticeVersion,
                                 boolean noticeCurrent, Instant capturedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConsentEvent(UUID eventId, UUID receiptId, String purpose, int purposeVersion, String state,
                               String noticeVersion, String collectionMethod, Evidence evidence, Instant recordedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(String source, String formId, Instant capturedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Purpose(String key, int version, boolean current, String title, String description,
                          String legalBasis, String legalBasisIri, List<String> dataCategories, String retention,
                          List<String> recipients, List<String> channels, String noticeUrl, String noticeVersion,
                          String noticeHash, boolean gpcApplies, Instant createdAt) {
        public List<String> dataCategories() {
            return dataCategories == null ? List.of() : dataCategories;
        }

        public List<String> recipients() {
            return recipients == null ? List.of() : recipients;
        }

        public List<String> channels() {
            return channels == null ? List.of() : channels;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Checkpoint(long treeSize, String rootHash, Instant timestamp, String note, String signature,
                             String keyId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CheckpointKeys(List<Key> keys) {
        public List<Key> keys() {
            return keys == null ? List.of() : keys;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Key(String keyId, String algorithm, String publicKey) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(long index, String leafData, String leafHash, AuditRecord event) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IndexedEvent(long index, AuditRecord event) {
    }

    /** An audit event: pseudonymous by contract (no identifier, no free text). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditRecord(String eventId, Instant occurredAt, String service, String actor, String action,
                              String subjectRef, String purpose, String legalBasis, String outcome,
                              Map<String, String> details) {
        public Map<String, String> details() {
            return details == null ? Map.of() : details;
        }

        /** The request an event of dsr-service is about, if any. */
        public String requestId() {
            return details().get("requestId");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InclusionProof(long leafIndex, long treeSize, List<String> hashes) {
        public List<String> hashes() {
            return hashes == null ? List.of() : hashes;
        }
    }

    /** An alert of audit-service's detection (Art. 33(1)): pseudonymous keys and log indexes only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(UUID id, String rule, String severity, String description, String status, String keyKind,
                        String key, int subjectCount, long eventCount, Instant raisedAt, Instant acknowledgedAt,
                        String acknowledgedBy, Instant escalatedAt, String escalatedBy, UUID breachId) {
        /** Enough of the id to tell alerts apart in a list. */
        public String shortId() {
            return id.toString().substring(0, 8);
        }
    }

    /** An entry of audit-service's breach register (Art. 33(5)) with its 72-hour clock as of when it was read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Breach(UUID id, UUID alertId, String nature, List<String> dataCategories,
                         List<String> subjectCategories, long approxSubjects, long approxRecords, String consequences,
                         String measures, String risk, Instant occurredAt, Instant awareAt, Instant recordedAt,
                         String recordedBy, BreachAuthority authorityNotification, BreachSubjects subjectNotification) {
        public List<String> dataCategories() {
            return dataCategories == null ? List.of() : dataCategories;
        }

        public List<String> subjectCategories() {
            return subjectCategories == null ? List.of() : subjectCategories;
        }
    }

    /** Art. 33(1): the authority's notification, its deadline (awareness + 72 h) and the time left while pending. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BreachAuthority(boolean required, Instant deadline, Long secondsLeft, boolean overdue,
                                  Instant notifiedAt, Boolean late, String authority, String reference,
                                  String lateReasons) {
    }

    /** Art. 34: the communication to the subjects, or the Art. 34(3) exemption that applies. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BreachSubjects(boolean required, boolean pending, Instant notifiedAt, String method, String exemption,
                                 String explanation) {
    }

    /**
     * Art. 14(3)(a): a subject obtained from a source and not yet informed, with the end of the one-month clock.
     * Read from a JSON tree by hand (consent-service may answer a list or a page), so registered for reflection.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    public record Art14Due(UUID subjectId, Instant obtainedAt, String source, Instant dueAt) {
    }
}
