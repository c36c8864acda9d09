package io.privacygate.consent.api;

import io.privacygate.consent.model.ConsentState;

import java.time.Instant;
import java.util.UUID;

/**
 * The state of one purpose for one subject: its latest event. {@code noticeCurrent} is false when the
 * purpose's notice changed since, in which case a grant no longer counts.
 */
public record CurrentConsent(String purpose, ConsentState state, UUID eventId, UUID receiptId, String noticeVersion,
                             boolean noticeCurrent, Instant capturedAt) {
}
