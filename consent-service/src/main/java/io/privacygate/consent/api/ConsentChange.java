package io.privacygate.consent.api;

import io.privacygate.consent.model.ConsentState;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** What a subscriber (e.g. ingestion-service at {@code POST /internal/v1/consent-changes}) is told. */
@RegisterForReflection // the outbox writes it as JSON by hand for the subscribers
public record ConsentChange(UUID eventId, UUID subjectId, String purpose, ConsentState state, Instant occurredAt) {
}
