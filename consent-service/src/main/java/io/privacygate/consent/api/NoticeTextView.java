package io.privacygate.consent.api;

import java.time.Instant;

/** A notice text as stored; {@code textHash} is what the privacy center shows beside it. */
public record NoticeTextView(String purpose, String noticeVersion, String language, String title, String body,
                             String textHash, Instant updatedAt) {
}
