package io.privacygate.ingestion.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * The public status of a Meta data deletion request, by its confirmation code. {@code reason}: for a {@code rejected}
 * request only, why, in plain language (the kind of refusal, and the remedies), nothing else about the request.
 */
@Schema(name = "Status")
public record DataDeletionStatus(String confirmationCode, String status, Instant receivedAt, Instant updatedAt,
                                 @Schema(description = "Why the request was refused, in plain language; only when rejected",
                                         nullable = true) String reason) {
}
