package io.privacygate.consent.api;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * One purpose's notice as a data subject reads it in the privacy center, in one language: the DPO's plain text
 * ({@code fallback} when none was written for the language, and the register's title and description stand in),
 * the facts of the purpose version in force with their labels in that language, and the notice's version and
 * hashes: {@code noticeHash} of the registered text shown (what a consent given on the page records; null when no
 * text is registered and the register's words stand in), {@code textHash} of whatever is shown. {@code textLanguage}
 * is the language of the registered text shown, which is another of the center's languages when the page's has none.
 * {@code objectable}: Art. 21 gives the subject a right to object to it (legitimate interests, public task, direct
 * marketing).
 */
@TemplateData
public record NoticeView(String key, int purposeVersion, String title, String body, String textLanguage,
                         boolean fallback, String legalBasis, String legalBasisLabel, String legalBasisIri,
                         List<String> dataCategories, String retention, String retentionLabel,
                         List<String> recipients, String noticeUrl, String noticeVersion, String noticeHash,
                         String textHash, boolean gpcApplies, boolean consentBased, boolean directMarketing,
                         boolean objectable) {
}
