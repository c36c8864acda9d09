package io.privacygate.ingestion.repository;

import io.privacygate.ingestion.model.ImportJob;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
@WithSession
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    /** Adds one round's counts; the import completes when every accepted line is processed. */
    public Uni<Integer> addProgress(UUID importId, int processed, int stored, int denied, int skipped, int duplicates) {
        return getSession().chain(session -> session.createNativeQuery("""
                        update import_job set processed = processed + :processed, stored = stored + :stored,
                          denied = denied + :denied, skipped = skipped + :skipped, duplicates = duplicates + :duplicates,
                          completed_at = case when processed + :processed >= accepted then now() else completed_at end
                        where id = :id""")
                .setParameter("processed", processed)
                .setParameter("stored", stored)
                .setParameter("denied", denied)
                .setParameter("skipped", skipped)
                .setParameter("duplicates", duplicates)
                .setParameter("id", importId)
                .executeUpdate());
    }
}
