package io.privacygate.consent.repository;

import io.privacygate.consent.model.PurposeNotice;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class PurposeNoticeRepository implements PanacheRepositoryBase<PurposeNotice, PurposeNotice.Key> {

    /** Every text of a language, for the notice versions in force (the caller matches them to the purposes). */
    public Uni<List<PurposeNotice>> findByLanguage(String language) {
        return list("id.language = ?1", language);
    }

    public Uni<List<PurposeNotice>> findByPurpose(String purposeKey) {
        return list("id.purposeKey = ?1 order by id.noticeVersion, id.language", purposeKey);
    }
}
