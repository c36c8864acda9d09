package io.privacygate.consent.model;

import io.privacygate.commons.gdpr.LegalBasis;

import java.util.Set;

/** The part of a purpose's current version that decisions need. */
public record PurposeRule(String key, int version, LegalBasis legalBasis, Set<String> channels,
                          String noticeVersion, boolean gpcApplies) {
}
