package io.privacygate.dsr.model;

import io.privacygate.commons.crypto.EncryptedColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of a request against one system, persisted so that the work survives a restart: a worker
 * leases it, calls the system, and records the answer. {@code result} holds answers without personal data
 * (receipts, counts, purposes); {@code resultEncrypted} holds exported data, under the request's key.
 */
@Entity
@Table(name = "dsr_task")
public class DsrTask {
    public static final EncryptedColumn RESULT = EncryptedColumn.of("dsr_task", "result_encrypted");

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStep step;

    @Column(nullable = false)
    public String participant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    public String result;

    @Column(name = "result_encrypted")
    public String resultEncrypted;

    @Column(name = "needs_input_notified")
    public boolean needsInputNotified;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static DsrTask of(UUID requestId, TaskStep step, String participant, Instant now) {
        DsrTask task = new DsrTask();
        task.id = UUID.randomUUID();
        task.requestId = requestId;
        task.step = step;
        task.participant = participant;
        task.status = TaskStatus.PENDING;
        task.nextAttemptAt = now;
        task.createdAt = now;
        return task;
    }
}
