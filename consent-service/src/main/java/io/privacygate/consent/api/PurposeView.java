package io.privacygate.consent.api;

import io.privacygate.consent.model.Art14Notice;
import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.consent.model.PurposeStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A version of a processing activity, with its legal basis as a DPV IRI as well, and its justification (Art. 6(1)):
 * {@code basisReference}, the {@code balancingTest} in force for legitimate interests, {@code missingJustification}
 * (what is still to be recorded: {@code basisReference}, {@code balancingTest}) and {@code status}, DRAFT until
 * justified and activated. {@code noticeHashes} are computed from the notice texts registered for its notice version,
 * by language ({@code sha-256:} hex, README); {@code noticeHash} is the one of the privacy center's first language,
 * null until a text is registered in it. {@code art14Notice} and {@code art14Justification}: how people whose data
 * came from elsewhere are informed (Art. 14).
 */
public record PurposeView(String key, int version, boolean current, PurposeStatus status, String title,
                          String description, LegalBasis legalBasis, String legalBasisIri, String basisReference,
                          BalancingTestView balancingTest, List<String> missingJustification,
                          List<String> dataCategories, String retention, List<String> recipients, List<String> channels,
                          String noticeUrl, String noticeVersion, String noticeHash, Map<String, String> noticeHashes,
                          boolean gpcApplies, boolean directMarketing, Instant createdAt, Art14Notice art14Notice,
                          String art14Justification) {
}
