package io.privacygate.ingestion.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A bulk import of platform exports. Each accepted line waits in the inbox like a webhook delivery;
 * the counters move as the worker processes them.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String platform;

    /** The records were collected from browsers that sent {@code Sec-GPC: 1}. */
    @Column(nullable = false)
    public boolean gpc;

    @Column(nullable = false)
    public int lines;

    /** Lines put in the inbox: those not already there. */
    @Column(nullable = false)
    public int accepted;

    @Column(nullable = false)
    public int processed;

    @Column(nullable = false)
    public int stored;

    @Column(nullable = false)
    public int denied;

    @Column(nullable = false)
    public int skipped;

    @Column(nullable = false)
    public int duplicates;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
