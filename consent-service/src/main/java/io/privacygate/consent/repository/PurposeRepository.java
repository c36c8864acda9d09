package io.privacygate.consent.repository;

import io.privacygate.commons.web.PageRequest;
import io.privacygate.consent.model.Purpose;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class PurposeRepository implements PanacheRepositoryBase<Purpose, UUID> {

    /** Serialises the changes of one purpose, including its creation, which has no row to lock yet. */
    public Uni<Void> lockKey(String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(pg_advisory_xact_lock(hashtextextended(:key, 2)))")
                .setParameter("key", key)
                .getSingleResult()).replaceWithVoid();
    }

    public Uni<Purpose> findCurrent(String key) {
        return find("key = ?1 and current = true", key).firstResult();
    }

    public Uni<Purpose> findVersion(String key, int version) {
        return find("key = ?1 and version = ?2", key, version).firstResult();
    }

    public Uni<List<Purpose>> findVersions(String key) {
        return list("key = ?1 order by version", key);
    }

    /** The newest version of the purpose that showed this notice version. */
    public Uni<Purpose> findLatestWithNotice(String key, String noticeVersion) {
        return find("key = ?1 and noticeVersion = ?2 order by version desc", key, noticeVersion).firstResult();
    }

    public Uni<List<Purpose>> findAllCurrent() {
        return list("current = true order by key");
    }

    public Uni<List<Purpose>> pageCurrent(PageRequest page) {
        return find("current = true order by key").page(Page.of(page.page(), page.size())).list();
    }

    public Uni<Long> countCurrent() {
        return count("current = true");
    }
}
