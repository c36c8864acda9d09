package io.privacygate.ingestion.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a consent change did here: whether it was the latest, and what it deleted. */
@Schema(name = "Applied")
public record ConsentChangeApplied(boolean latest, long interactionsDeleted, long contactFieldsDeleted) {
}
