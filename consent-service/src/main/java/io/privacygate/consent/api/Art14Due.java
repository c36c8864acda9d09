package io.privacygate.consent.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A subject not yet given the Art. 14 information: its earliest source, when the data was obtained from it, and when
 * the one month of Art. 14(3)(a) ends.
 */
public record Art14Due(UUID subjectId, Instant obtainedAt, String source, Instant dueAt) {
}
