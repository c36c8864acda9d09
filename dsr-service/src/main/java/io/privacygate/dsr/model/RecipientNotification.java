package io.privacygate.dsr.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Art. 19: a recipient named by a purpose the subject's data was processed for, recorded as notified of
 * the rectification, erasure or restriction. Recipients are organisations, not people.
 */
@Entity
@Table(name = "dsr_recipient_notification")
public class RecipientNotification {
    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public String recipient;

    /** The purpose keys, comma-separated, under which the recipient received the data. */
    @Column(nullable = false)
    public String purposes;

    @Column(name = "notified_at", nullable = false)
    public Instant notifiedAt;
}
