package io.privacygate.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A subject's objection to one purpose (Art. 21). For a legitimate-interests or public-task purpose that is not direct
 * marketing, the DPO may record compelling legitimate grounds that override it (Art. 21(1)); for direct marketing
 * nothing overrides it (Art. 21(3)).
 */
@Entity
@Table(name = "objection")
public class Objection {
    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(name = "purpose_key", nullable = false)
    public String purposeKey;

    @Column(name = "objected_at", nullable = false)
    public Instant objectedAt;

    /** Pseudonymous actor id of who recorded it: a service, an operator, or the privacy center. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** The compelling legitimate grounds the DPO recorded (Art. 21(1)); null while there are none. */
    public String grounds;

    @Column(name = "grounds_by")
    public String groundsBy;

    @Column(name = "grounds_at")
    public Instant groundsAt;
}
