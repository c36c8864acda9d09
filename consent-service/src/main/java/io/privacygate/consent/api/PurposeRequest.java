package io.privacygate.consent.api;

import io.privacygate.consent.model.Art14Notice;
import io.privacygate.commons.gdpr.LegalBasis;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The definition of a processing activity. On {@code PUT /purposes/{key}} the key comes from the path and
 * may be left out of the body. There is no {@code noticeHash}: the suite computes it from the notice texts registered
 * with {@code PUT /purposes/{key}/notices/{language}} (Art. 7(1)); a {@code noticeHash} still sent is ignored, as every
 * field unknown to the body is. {@code basisReference} names the contract, law or task that contract, legal
 * obligation, vital interests and public task rest on; without it such a purpose is a draft (Art. 6(1)).
 * {@code directMarketing} (default false) marks direct marketing, to which an objection is absolute (Art. 21(3)).
 * {@code art14Notice} (default {@code INDIVIDUAL}) says how people whose data comes from elsewhere are informed; a
 * {@code PUBLIC_NOTICE} needs {@code art14Justification} (Art. 14(5)(b)), or the purpose stays a draft.
 */
public record PurposeRequest(
        @Pattern(regexp = KEY_PATTERN, message = "must be lower-case letters, digits and dashes (2-63)") String key,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull LegalBasis legalBasis,
        @Size(max = 1000) String basisReference,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> dataCategories,
        @NotBlank @Size(max = 50) String retention,
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 200) String> recipients,
        @NotEmpty @Size(max = 20) List<@NotBlank @Pattern(regexp = CHANNEL_PATTERN, message = "must be lower-case letters, digits, dashes or underscores") String> channels,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String noticeUrl,
        @Size(max = 100) String noticeVersion,
        @NotNull Boolean gpcApplies,
        Boolean directMarketing,
        Art14Notice art14Notice,
        @Size(max = 4000) String art14Justification) {

    public static final String KEY_PATTERN = "[a-z0-9][a-z0-9-]{1,62}";
    public static final String CHANNEL_PATTERN = "[a-z0-9][a-z0-9_-]{0,62}";
}
