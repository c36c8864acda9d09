package io.privacygate.ingestion.api;

import io.privacygate.ingestion.model.ImportJob;
import io.privacygate.ingestion.model.Platform;

import java.time.Instant;
import java.util.UUID;

/** An import's progress, as {@code GET /api/v1/imports/{id}} shows it. */
public record ImportView(UUID id, String platform, String status, boolean gpc, int lines, int accepted,
                         int processed, int stored, int denied, int skipped, int duplicates, Instant createdAt,
                         Instant completedAt) {
    public static ImportView of(ImportJob job) {
        return new ImportView(job.id, Platform.valueOf(job.platform).wireName(),
                job.completedAt != null ? "COMPLETED" : "IN_PROGRESS", job.gpc, job.lines, job.accepted,
                job.processed, job.stored, job.denied, job.skipped, job.duplicates, job.createdAt, job.completedAt);
    }
}
