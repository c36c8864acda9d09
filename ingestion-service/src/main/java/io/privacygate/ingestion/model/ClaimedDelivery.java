package io.privacygate.ingestion.model;


import java.time.Instant;
import java.util.UUID;

/** An inbox row reserved for one processing round; its payload is still sealed under the inbox key. */
public record ClaimedDelivery(UUID id, Platform platform, byte[] sealedPayload, UUID importId, boolean gpc,
                              int attempts, Instant receivedAt) {
}
