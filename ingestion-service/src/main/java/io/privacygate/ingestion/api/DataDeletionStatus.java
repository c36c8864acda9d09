package io.privacygate.ingestion.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The public status of a Meta data deletion request, by its confirmation code. */
@Schema(name = "Status")
public record DataDeletionStatus(String confirmationCode, String status, Instant receivedAt, Instant updatedAt) {
}
