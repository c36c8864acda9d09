package io.privacygate.consent.api;

import java.time.Instant;

/** The receipt signing key that signs from now on: its key id in the JWKS. */
public record ReceiptKeyView(String kid, Instant rotatedAt) {
}
