package io.privacygate.consent.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The plain-language text of a purpose's notice in one language, as the privacy center shows it (Art. 12(1)):
 * a title and what is done with the data and why, in words a data subject understands. The facts (legal
 * basis, data categories, retention, recipients) are the purpose's own and are shown beside it.
 * {@code noticeVersion} defaults to the purpose's current one and may name an earlier one.
 */
public record NoticeTextRequest(@Size(max = 100) String noticeVersion,
                                @NotBlank @Size(max = 200) String title,
                                @NotBlank @Size(max = 8000) String body) {
}
