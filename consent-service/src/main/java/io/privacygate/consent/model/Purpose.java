package io.privacygate.consent.model;

import io.privacygate.commons.gdpr.LegalBasis;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of a processing activity of the Art. 30 register. Versions are never changed: a change is a
 * new version, and consent events point at the version they were given for.
 */
@Entity
@Table(name = "purpose")
public class Purpose {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String key;

    @Column(nullable = false)
    public int version;

    /** The version in force; exactly one per key. */
    @Column(nullable = false)
    public boolean current;

    /**
     * DRAFT until its legal basis is justified, ACTIVE after (decisions deny a draft). The only field a version may
     * change after it was written: activation.
     */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PurposeStatus status;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis", nullable = false)
    public LegalBasis legalBasis;

    /** The contract, law or task a basis other than consent and legitimate interests rests on (Art. 6(1)(b)-(e)). */
    @Column(name = "basis_reference")
    public String basisReference;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "data_categories", nullable = false)
    public List<String> dataCategories;

    /** An ISO-8601 duration. */
    @Column(nullable = false)
    public String retention;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> recipients;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> channels;

    @Column(name = "notice_url")
    public String noticeUrl;

    @Column(name = "notice_version")
    public String noticeVersion;

    /** Direct marketing (Art. 21(2)-(3)): an objection stops it absolutely, whatever its basis. */
    @Column(name = "direct_marketing", nullable = false)
    public boolean directMarketing;

    /** How the Art. 14 information is given to people whose data comes from elsewhere (#20 point 4). */
    @Enumerated(EnumType.STRING)
    @Column(name = "art14_notice", nullable = false)
    public Art14Notice art14Notice;

    /** Why a public notice is enough (Art. 14(5)(b)); required for {@link Art14Notice#PUBLIC_NOTICE}. */
    @Column(name = "art14_justification")
    public String art14Justification;

    /** A Global Privacy Control signal ({@code Sec-GPC: 1}) is an objection to this purpose. */
    @Column(name = "gpc_applies", nullable = false)
    public boolean gpcApplies;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Pseudonymous actor id of who defined this version. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
