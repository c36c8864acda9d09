package io.privacygate.ingestion.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.commons.identity.Identifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of consent-service's API that this service uses; fields it does not need are ignored. */
public final class ConsentDtos {
    private ConsentDtos() {
    }

    /**
     * {@code source} (the channel, or {@code import}) and {@code obtainedAt}: where and when the data was obtained, for
     * Art. 14 (contract C3: consent-service records each source with its first date and starts the one-month clock).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResolveRequest(List<Identifier> identifiers, String source, Instant obtainedAt) {
        @Override
        public String toString() {
            return "ResolveRequest[" + identifiers.size() + " identifiers, source=" + source + "]";
        }
    }

    /** One person to resolve: the identifiers an event carries, where it came from and when (see {@link ResolveRequest}). */
    public record Person(List<Identifier> identifiers, String source, Instant obtainedAt) {
        @Override
        public String toString() {
            return "Person[" + identifiers.size() + " identifiers, source=" + source + "]";
        }
    }

    /** One entry per person, 1 to {@value ConsentClient#MAX_BATCH} of them. */
    public record BatchResolveRequest(List<ResolveRequest> people) {
        @Override
        public String toString() {
            return "BatchResolveRequest[" + people.size() + " people]";
        }
    }

    /** One result per entry of the request, in its order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BatchResolveResults(List<ResolveResult> results) {
    }

    /**
     * {@code refused} is consent-service's reason (e.g. {@code identifiers-of-different-subjects}) when these
     * identifiers cannot name one subject; then {@code subjectId} is null.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResolveResult(UUID subjectId, boolean created, String refused) {
    }

    /** {@code sourceKind} ({@code comment}, {@code post}, {@code message}, {@code mention}, {@code lead-form}) is left out when null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionQuery(UUID subjectId, String purpose, String channel, String sourceKind) {
    }

    public record BatchDecisionRequest(List<DecisionQuery> queries) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BatchDecisions(List<Decision> decisions) {
    }

    /** {@code reason} is consent-service's stable code, e.g. {@code CONSENT_GRANTED}, {@code SUBJECT_RESTRICTED}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(boolean permitted, LegalBasis legalBasis, String reason, UUID consentEventId,
                           boolean restricted) {
        public static final String SUBJECT_RESTRICTED = "SUBJECT_RESTRICTED";
        /** The platform's terms do not let data of this channel and source kind serve the purpose, consent or not (contract C1). */
        public static final String PLATFORM_TERMS = "PLATFORM_TERMS";

        /** Art. 18: a restricted subject's data may be stored, and nothing more. */
        public boolean storageOnly() {
            return !permitted && restricted && SUBJECT_RESTRICTED.equals(reason);
        }
    }

    /** A purpose of the Art. 30 register: what its data may be, and how long it is kept (ISO-8601). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PurposeDefinition(String key, int version, LegalBasis legalBasis, List<String> dataCategories,
                                    String retention, String noticeVersion) {
    }

    /** A consent event to record, for the subject of these identifiers, with how it was captured. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentEvent(List<Identifier> identifiers, String purpose, String state, String noticeVersion,
                               String collectionMethod, Evidence evidence) {
        @Override
        public String toString() {
            return "ConsentEvent[purpose=" + purpose + ", state=" + state + ", " + identifiers.size() + " identifiers]";
        }
    }

    /** Where and when the consent was captured; no IP address or user agent: a platform's form captured it, not us. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(String source, String formId, Instant capturedAt) {
    }
}
