package io.privacygate.ingestion.model;

import io.privacygate.commons.tracing.TraceContext;

import java.time.Instant;
import java.util.UUID;

/**
 * An inbox row reserved for one processing round; its payload is still sealed under the inbox key. {@code trace} is
 * the trace context of the request that acknowledged it, or {@code null}.
 */
public record ClaimedDelivery(UUID id, Platform platform, byte[] sealedPayload, UUID importId, boolean gpc,
                              int attempts, Instant receivedAt, TraceContext trace) {
}
