package io.privacygate.consent.repository;

import io.privacygate.consent.model.PurposeNotice;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
@WithSession
public class PurposeNoticeRepository implements PanacheRepositoryBase<PurposeNotice, PurposeNotice.Key> {

    /** How many texts, in any language, the notice version of a purpose has. */
    public Uni<Long> countForVersion(String purposeKey, String noticeVersion) {
        return count("id.purposeKey = ?1 and id.noticeVersion = ?2", purposeKey, noticeVersion);
    }

    /** Every text of the purposes named, in any version and language. */
    public Uni<List<PurposeNotice>> findByPurposes(Collection<String> purposeKeys) {
        return purposeKeys.isEmpty() ? Uni.createFrom().item(List.of()) : list("id.purposeKey in ?1", List.copyOf(purposeKeys));
    }

    public Uni<List<PurposeNotice>> findByPurpose(String purposeKey) {
        return list("id.purposeKey = ?1 order by id.noticeVersion, id.language", purposeKey);
    }
}
