package io.privacygate.ingestion.service.crm;

import io.privacygate.ingestion.api.ConsentChangeApplied;
import io.privacygate.ingestion.api.ConsentState;
import io.privacygate.ingestion.repository.ConsentChangeRepository;
import io.privacygate.ingestion.repository.ContactFieldRepository;
import io.privacygate.ingestion.repository.InteractionRepository;
import io.privacygate.ingestion.service.IngestionAudit;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Applies consent-service's notifications. A withdrawal (or a refusal) stops processing for the purpose
 * at once: it is recorded under an exclusive lock on the (subject, purpose) pair, so an event being
 * stored for that pair either committed before (and is deleted now) or sees the withdrawal and is
 * dropped. The data held on that consent goes with it (Art. 7(3), Art. 17(1)(b)); data held for the
 * purpose on another legal basis stays. Notifications may repeat or arrive out of order: only the latest
 * change per pair counts.
 */
@ApplicationScoped
public class ConsentChangeService {
    private final ConsentChangeRepository changes;
    private final InteractionRepository interactions;
    private final ContactFieldRepository contactFields;
    private final IngestionAudit audit;

    ConsentChangeService(ConsentChangeRepository changes, InteractionRepository interactions,
                         ContactFieldRepository contactFields, IngestionAudit audit) {
        this.changes = changes;
        this.interactions = interactions;
        this.contactFields = contactFields;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<ConsentChangeApplied> apply(UUID eventId, UUID subjectId, String purpose, ConsentState state, Instant occurredAt, String actor) {
        return changes.lockExclusive(ConsentChangeRepository.pair(subjectId, purpose))
                .chain(() -> changes.record(subjectId, purpose, state.name(), eventId, occurredAt, Instant.now()))
                .chain(latest -> {
                    if (!latest || state == ConsentState.GRANTED) {
                        return Uni.createFrom().item(new ConsentChangeApplied(latest, 0, 0));
                    }
                    return interactions.deleteHeldOnConsent(subjectId, purpose)
                            .chain(deletedInteractions -> contactFields.deleteHeldOnConsent(subjectId, purpose)
                                    .chain(deletedFields -> audit.consentRevoked(subjectId, purpose, state.name(),
                                                    deletedInteractions, deletedFields, actor)
                                            .replaceWith(new ConsentChangeApplied(true, deletedInteractions, deletedFields))));
                });
    }
}
