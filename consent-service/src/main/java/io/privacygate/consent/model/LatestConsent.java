package io.privacygate.consent.model;

import java.util.UUID;

/** A subject's latest consent event for one purpose, as decisions read it. */
public record LatestConsent(UUID eventId, ConsentState state, String noticeVersion) {
}
