package io.privacygate.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A data subject request filed through the privacy center, so that its subject can follow it after verifying again. */
@Entity
@Table(name = "privacy_request")
public class PrivacyRequest {
    @Id
    @Column(name = "dsr_request_id")
    public UUID dsrRequestId;

    /** The blind index of the verified e-mail address that filed it. */
    @Column(name = "address_index", nullable = false)
    public String addressIndex;

    @Column(nullable = false)
    public String type;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;
}
