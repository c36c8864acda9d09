package io.privacygate.consent.api;

import java.time.Instant;
import java.util.UUID;

/** When and how the subject was informed under Art. 14, and who recorded it (pseudonymous actor id). */
public record Art14InformedView(UUID subjectId, Instant informedAt, String means, String recordedBy, Instant recordedAt) {
}
