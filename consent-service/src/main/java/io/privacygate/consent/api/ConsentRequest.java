package io.privacygate.consent.api;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.consent.model.ConsentState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * One consent event as submitted. {@code noticeVersion} is required to grant; a withdrawal or a refusal
 * without it refers to the current notice, so that withdrawing is as easy as granting (Art. 7(3)).
 * {@code noticeLanguage} and {@code noticeHash} say which registered text of that notice was shown (Art. 7(1)): a
 * grant must state them when the notice version has registered texts, and a stated hash must be the register's.
 */
public record ConsentRequest(
        UUID subjectId,
        List<@Valid @NotNull Identifier> identifiers,
        @NotBlank @Pattern(regexp = PurposeRequest.KEY_PATTERN, message = "is not a purpose key") String purpose,
        @NotNull ConsentState state,
        @Size(max = 100) String noticeVersion,
        @Pattern(regexp = LANGUAGE_PATTERN, message = "is not a language tag") String noticeLanguage,
        @Size(max = 200) String noticeHash,
        @NotBlank @Size(max = 64) String collectionMethod,
        @Valid Evidence evidence) {

    public static final String LANGUAGE_PATTERN = "[a-z]{2,3}(-[A-Za-z0-9]{1,8})*";

    /** How the consent was captured. {@code ip} is pseudonymised before it is stored. */
    public record Evidence(@Size(max = 200) String source,
                           @Size(max = 200) String formId,
                           @Size(max = 64) String ip,
                           @Size(max = 1000) String userAgent,
                           java.time.Instant capturedAt) {

        @Override
        public String toString() {
            return "Evidence[source=" + source + ", formId=" + formId + ", ip=<redacted>, userAgent=<redacted>]";
        }
    }
}
