package io.privacygate.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The plain-language text of one notice version of a purpose in one language (Art. 12(1)): what the DPO wrote
 * for data subjects. The facts beside it (legal basis, data categories, retention, recipients) come from the
 * purpose version in force, so that the text cannot contradict the register.
 */
@Entity
@Table(name = "purpose_notice")
public class PurposeNotice {
    @EmbeddedId
    public Key id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Pseudonymous actor id of the DPO who wrote it. */
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "purpose_key", nullable = false)
        public String purposeKey;

        @Column(name = "notice_version", nullable = false)
        public String noticeVersion;

        @Column(nullable = false)
        public String language;

        public Key() {
        }

        public Key(String purposeKey, String noticeVersion, String language) {
            this.purposeKey = purposeKey;
            this.noticeVersion = noticeVersion;
            this.language = language;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && purposeKey.equals(k.purposeKey) && noticeVersion.equals(k.noticeVersion)
                    && language.equals(k.language);
        }

        @Override
        public int hashCode() {
            return Objects.hash(purposeKey, noticeVersion, language);
        }
    }
}
