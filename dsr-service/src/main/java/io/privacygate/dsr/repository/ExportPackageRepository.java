package io.privacygate.dsr.repository;

import io.privacygate.dsr.model.ExportPackage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ExportPackageRepository implements PanacheRepositoryBase<ExportPackage, UUID> {

    /** Request ids of the packages past their expiry. */
    public Uni<List<UUID>> expired(Instant now, int limit) {
        return find("select requestId from ExportPackage where expiresAt < ?1 order by expiresAt", now)
                .project(UUID.class).page(0, limit).list();
    }
}
