package io.privacygate.consent.model;

import io.privacygate.commons.gdpr.LegalBasis;

import java.util.Set;

/** The part of a purpose's current version that decisions need; {@code active}: not a draft (Art. 6(1)). */
public record PurposeRule(String key, int version, boolean active, LegalBasis legalBasis, Set<String> channels,
                          String noticeVersion, boolean gpcApplies, boolean directMarketing) {
}
