package io.privacygate.ingestion.service.inbox;

import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.repository.InboxRepository;
import io.privacygate.ingestion.repository.ProcessedEventRepository;
import io.privacygate.ingestion.repository.SuppressionRepository;
import io.privacygate.ingestion.service.IngestionAudit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Keeps the inbox short-lived: raw deliveries that could not be processed within the inbox's maximum age
 * are deleted (and the count audited), since they hold personal data no decision has allowed; event ids
 * older than the dedupe window are forgotten, and so are suppressions older than the suppression list's retention.
 */
@ApplicationScoped
public class InboxHousekeeping {
    private static final int BATCH = 1000;
    private final InboxRepository inbox;
    private final ProcessedEventRepository processed;
    private final SuppressionRepository suppressions;
    private final IngestionAudit audit;
    private final IngestionConfig.Inbox config;
    private final IngestionConfig.Suppression suppression;

    InboxHousekeeping(InboxRepository inbox, ProcessedEventRepository processed, SuppressionRepository suppressions,
                      IngestionAudit audit, IngestionConfig config) {
        this.inbox = inbox;
        this.processed = processed;
        this.suppressions = suppressions;
        this.audit = audit;
        this.config = config.inbox();
        this.suppression = config.suppression();
    }

    /** @return deliveries expired in this run */
    public Uni<Integer> run() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> inbox.purgeReceivedBefore(now.minus(config.maxAge()), BATCH)
                .chain(expired -> (expired > 0 ? audit.inboxExpired(expired) : Uni.createFrom().voidItem())
                        .chain(() -> processed.purgeBefore(now.minus(config.dedupeWindow()), BATCH))
                        .chain(() -> suppressions.purgeBefore(now.minus(suppression.retention()), BATCH))
                        .replaceWith(expired)));
    }
}
