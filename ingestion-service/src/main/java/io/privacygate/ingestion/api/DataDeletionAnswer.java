package io.privacygate.ingestion.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What Meta expects back from a data deletion callback, in its field names. */
@Schema(name = "Answer", description = "Where the person can follow their deletion request, and its confirmation code")
public record DataDeletionAnswer(@Schema(example = "https://crm.example.org/webhooks/meta/data-deletion/4f9c2a7e1b3d5f60a8c9e7d6b5a41302") String url,
                                 @Schema(example = "4f9c2a7e1b3d5f60a8c9e7d6b5a41302") @JsonProperty("confirmation_code") String confirmationCode) {
}
