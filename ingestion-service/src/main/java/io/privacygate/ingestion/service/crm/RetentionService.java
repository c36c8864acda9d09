package io.privacygate.ingestion.service.crm;

import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.repository.ContactFieldRepository;
import io.privacygate.ingestion.repository.InteractionRepository;
import io.privacygate.ingestion.service.IngestionAudit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Storage limitation (Art. 5(1)(e)): deletes interactions and contact fields past the retention of the
 * purpose they were collected for. Each batch is bounded and committed with its audit event, which
 * counts what was deleted per purpose.
 */
@ApplicationScoped
public class RetentionService {
    private final InteractionRepository interactions;
    private final ContactFieldRepository contactFields;
    private final IngestionAudit audit;
    private final IngestionConfig.Retention config;

    RetentionService(InteractionRepository interactions, ContactFieldRepository contactFields, IngestionAudit audit,
                     IngestionConfig config) {
        this.interactions = interactions;
        this.contactFields = contactFields;
        this.audit = audit;
        this.config = config.retention();
    }

    /** Purges batch after batch until nothing is due or the run's limit is reached. @return rows deleted */
    public Uni<Long> purge() {
        return purgeBatches(0, 0L);
    }

    private Uni<Long> purgeBatches(int batch, long total) {
        if (batch >= config.maxBatchesPerRun()) {
            return Uni.createFrom().item(total);
        }
        return purgeOneBatch().chain(deleted -> deleted == 0
                ? Uni.createFrom().item(total)
                : purgeBatches(batch + 1, total + deleted));
    }

    private Uni<Integer> purgeOneBatch() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> interactions.purgeExpired(now, config.batchSize())
                .chain(purgedInteractions -> contactFields.purgeExpired(now, config.batchSize())
                        .chain(purgedFields -> auditCounts(purgedInteractions, purgedFields)
                                .replaceWith(purgedInteractions.size() + purgedFields.size()))));
    }

    private Uni<Void> auditCounts(List<String> interactionPurposes, List<String> fieldPurposes) {
        Map<String, long[]> counts = new TreeMap<>();
        interactionPurposes.forEach(purpose -> counts.computeIfAbsent(purpose, p -> new long[2])[0]++);
        fieldPurposes.forEach(purpose -> counts.computeIfAbsent(purpose, p -> new long[2])[1]++);
        return Multi.createFrom().iterable(counts.entrySet())
                .onItem().transformToUniAndConcatenate(e -> audit.retentionPurged(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .collect().last().replaceWithVoid();
    }
}
