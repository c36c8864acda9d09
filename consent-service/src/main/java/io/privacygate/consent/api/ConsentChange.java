package io.privacygate.consent.api;

import io.privacygate.consent.model.ConsentState;

import java.time.Instant;
import java.util.UUID;

/** What a subscriber (e.g. ingestion-service at {@code POST /internal/v1/consent-changes}) is told. */
public record ConsentChange(UUID eventId, UUID subjectId, String purpose, ConsentState state, Instant occurredAt) {
}
