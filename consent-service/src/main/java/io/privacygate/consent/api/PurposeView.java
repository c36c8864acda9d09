package io.privacygate.consent.api;

import io.privacygate.commons.gdpr.LegalBasis;

import java.time.Instant;
import java.util.List;

/** A version of a processing activity, with its legal basis as a DPV IRI as well. */
public record PurposeView(String key, int version, boolean current, String title, String description,
                          LegalBasis legalBasis, String legalBasisIri, List<String> dataCategories, String retention,
                          List<String> recipients, List<String> channels, String noticeUrl, String noticeVersion,
                          String noticeHash, boolean gpcApplies, Instant createdAt) {
}
