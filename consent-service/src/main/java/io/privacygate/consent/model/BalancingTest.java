package io.privacygate.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The legitimate-interests assessment of a purpose (Art. 6(1)(f)): the interest pursued, why the processing is
 * necessary for it, and why the subjects' interests do not override it, signed off by the DPO. Never changed: a new
 * assessment is a new row, and the latest one is in force.
 */
@Entity
@Table(name = "balancing_test")
public class BalancingTest {
    @Id
    public UUID id;

    @Column(name = "purpose_key", nullable = false)
    public String purposeKey;

    /** The version of the purpose that was assessed. */
    @Column(name = "purpose_version", nullable = false)
    public int purposeVersion;

    @Column(nullable = false)
    public String interest;

    @Column(nullable = false)
    public String necessity;

    @Column(nullable = false)
    public String balance;

    /** Pseudonymous actor id of the DPO who signed it off, from their token. */
    @Column(name = "signed_off_by", nullable = false)
    public String signedOffBy;

    @Column(name = "signed_off_at", nullable = false)
    public Instant signedOffAt;
}
