package io.privacygate.ingestion.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.crypto.SubjectCipher;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.model.ContactField;
import io.privacygate.ingestion.model.Interaction;
import io.privacygate.ingestion.repository.ClaimedDelivery;
import io.privacygate.ingestion.repository.ConsentChangeRepository;
import io.privacygate.ingestion.repository.ContactFieldRepository;
import io.privacygate.ingestion.repository.CrmSubjectRepository;
import io.privacygate.ingestion.repository.ImportJobRepository;
import io.privacygate.ingestion.repository.InboxRepository;
import io.privacygate.ingestion.repository.InteractionRepository;
import io.privacygate.ingestion.repository.ProcessedEventRepository;
import io.privacygate.ingestion.webhook.Field;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores one round's outcomes in one transaction, with the removal of their deliveries from the inbox:
 * either all of it happens, or the deliveries are still there for the next round.
 * <p>
 * Steps: record the event keys (an event another replica stored meanwhile drops out); take the shared
 * locks of the (subject, purpose) pairs to store for, and drop those whose consent was revoked after the
 * decisions were asked; encrypt and write contact fields, subjects and audit events; count imports'
 * progress; delete the deliveries; persist the interactions last, so that they go to the database in
 * batches at commit.
 */
@ApplicationScoped
public class EventStore {
    /** A withdrawal heard this long before the decision was asked is already in consent-service's answer. */
    private static final Duration REVOCATION_MARGIN = Duration.ofSeconds(5);
    private static final String WEBHOOK = "WEBHOOK";
    private static final String IMPORT = "IMPORT";
    /** The reason recorded when a withdrawal overtook a permitting decision. */
    private static final String REVOKED = "CONSENT_WITHDRAWN";

    private final ProcessedEventRepository processed;
    private final ConsentChangeRepository consentChanges;
    private final InteractionRepository interactions;
    private final ContactFieldRepository contactFields;
    private final CrmSubjectRepository subjects;
    private final ImportJobRepository imports;
    private final InboxRepository inbox;
    private final SubjectKeys subjectKeys;
    private final IngestionAudit audit;
    private final FieldPolicy fields;
    private final ObjectMapper json;

    EventStore(ProcessedEventRepository processed, ConsentChangeRepository consentChanges,
               InteractionRepository interactions, ContactFieldRepository contactFields, CrmSubjectRepository subjects,
               ImportJobRepository imports, InboxRepository inbox, SubjectKeys subjectKeys, IngestionAudit audit,
               IngestionConfig config, ObjectMapper json) {
        this.processed = processed;
        this.consentChanges = consentChanges;
        this.interactions = interactions;
        this.contactFields = contactFields;
        this.subjects = subjects;
        this.imports = imports;
        this.inbox = inbox;
        this.subjectKeys = subjectKeys;
        this.audit = audit;
        this.fields = FieldPolicy.of(config.fieldCategories());
        this.json = json;
    }

    /**
     * @param decisionsAsked when consent-service was asked: revocations heard since then override its answers
     * @return the number of deliveries finished
     */
    @WithTransaction
    public Uni<Integer> commit(List<Outcome> outcomes, List<ClaimedDelivery> done, List<UUID> unreadable, Instant decisionsAsked) {
        List<String> keys = outcomes.stream().filter(o -> !(o instanceof Outcome.Duplicate))
                .map(o -> o.candidate().eventKey()).distinct().toList();
        return processed.claim(keys)
                .map(fresh -> outcomes.stream()
                        .map(o -> o instanceof Outcome.Duplicate || fresh.contains(o.candidate().eventKey())
                                ? o : new Outcome.Duplicate(o.candidate()))
                        .toList())
                .chain(claimed -> withoutRevoked(claimed, decisionsAsked))
                .chain(settled -> {
                    Instant now = Instant.now();
                    List<Interaction> toPersist = new ArrayList<>();
                    return Multi.createFrom().iterable(settled)
                            .onItem().transformToUniAndConcatenate(outcome -> apply(outcome, now, toPersist))
                            .collect().asList()
                            .chain(() -> touchSubjects(settled, now))
                            .chain(() -> auditUnreadable(unreadable))
                            .chain(() -> countImports(settled, done))
                            .chain(() -> inbox.delete(done.stream().map(ClaimedDelivery::id).toList()))
                            .chain(() -> toPersist.isEmpty() ? Uni.createFrom().voidItem() : interactions.persist(toPersist))
                            .replaceWith(done.size());
                });
    }

    /** Under shared locks: an Accepted outcome whose consent was revoked since the decision is denied after all. */
    private Uni<List<Outcome>> withoutRevoked(List<Outcome> outcomes, Instant decisionsAsked) {
        Set<String> pairs = new LinkedHashSet<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Accepted accepted) {
                pairs.add(ConsentChangeRepository.pair(accepted.subjectId(), accepted.purpose()));
            }
        }
        if (pairs.isEmpty()) {
            return Uni.createFrom().item(outcomes);
        }
        return consentChanges.lockShared(pairs)
                .chain(() -> consentChanges.revokedSince(pairs, decisionsAsked.minus(REVOCATION_MARGIN)))
                .map(revoked -> outcomes.stream().map(o -> o instanceof Outcome.Accepted a
                                && revoked.contains(ConsentChangeRepository.pair(a.subjectId(), a.purpose()))
                                ? (Outcome) new Outcome.Denied(a.candidate(), a.subjectId(), a.purpose(), a.decision(), REVOKED)
                                : o)
                        .toList());
    }

    private Uni<Void> apply(Outcome outcome, Instant now, List<Interaction> toPersist) {
        return switch (outcome) {
            case Outcome.Duplicate duplicate -> Uni.createFrom().voidItem();
            case Outcome.Skipped skipped -> audit.interactionSkipped(skipped.subjectId(), skipped.purpose(), skipped.reason());
            case Outcome.Denied denied -> audit.interactionDenied(denied.subjectId(), denied.purpose(),
                    denied.decision().legalBasis(), denied.reason());
            case Outcome.Accepted accepted -> store(accepted, now, toPersist);
        };
    }

    private Uni<Void> store(Outcome.Accepted accepted, Instant now, List<Interaction> toPersist) {
        var event = accepted.candidate().event();
        FieldPolicy.Kept kept = fields.keep(event, accepted.definition().dataCategories());
        LegalBasis basis = accepted.decision().legalBasis();
        String source = accepted.candidate().delivery().importId() == null ? WEBHOOK : IMPORT;
        return subjectKeys.forWriting(accepted.subjectId()).chain(cipher -> {
            toPersist.add(interaction(accepted, kept, cipher, now, source));
            return Multi.createFrom().iterable(kept.contact().entrySet())
                    .onItem().transformToUniAndConcatenate(entry -> contactFields.upsert(
                            contactField(accepted, entry.getKey(), cipher.encrypt(entry.getValue()), now)))
                    .collect().last()
                    .chain(() -> audit.interactionStored(accepted.subjectId(), accepted.purpose(), basis,
                            event.channel().wireName(), event.kind().name(), kept.categories(), accepted.restricted(), source));
        });
    }

    private Interaction interaction(Outcome.Accepted accepted, FieldPolicy.Kept kept, SubjectCipher cipher,
                                    Instant now, String source) {
        var event = accepted.candidate().event();
        Interaction interaction = new Interaction();
        interaction.id = UUID.randomUUID();
        interaction.subjectId = accepted.subjectId();
        interaction.purpose = accepted.purpose();
        interaction.legalBasis = accepted.decision().legalBasis().name();
        interaction.consentEventId = accepted.decision().consentEventId();
        interaction.channel = event.channel().wireName();
        interaction.kind = event.kind().name();
        interaction.categories = String.join(",", kept.categories());
        interaction.contentEncrypted = cipher.encrypt(toJson(kept.content()));
        interaction.restricted = accepted.restricted();
        interaction.source = source;
        interaction.occurredAt = event.occurredAt();
        interaction.storedAt = now;
        interaction.retainUntil = accepted.retainUntil();
        return interaction;
    }

    private static ContactField contactField(Outcome.Accepted accepted, Field field, String encrypted, Instant now) {
        ContactField contact = new ContactField();
        contact.subjectId = accepted.subjectId();
        contact.purpose = accepted.purpose();
        contact.field = field.name();
        contact.valueEncrypted = encrypted;
        contact.legalBasis = accepted.decision().legalBasis().name();
        contact.consentEventId = accepted.decision().consentEventId();
        contact.updatedAt = now;
        contact.retainUntil = accepted.retainUntil();
        return contact;
    }

    /** Once per subject per round. */
    private Uni<Void> touchSubjects(List<Outcome> outcomes, Instant now) {
        Set<UUID> seen = new LinkedHashSet<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Accepted accepted) {
                seen.add(accepted.subjectId());
            }
        }
        return Multi.createFrom().iterable(seen)
                .onItem().transformToUniAndConcatenate(subjectId -> subjects.touch(subjectId, now))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> auditUnreadable(List<UUID> unreadable) {
        return Multi.createFrom().iterable(unreadable)
                .onItem().transformToUniAndConcatenate(id -> audit.interactionSkipped(null, null, "unreadable-delivery"))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> countImports(List<Outcome> outcomes, List<ClaimedDelivery> done) {
        Map<UUID, int[]> counts = new LinkedHashMap<>();
        for (ClaimedDelivery delivery : done) {
            if (delivery.importId() != null) {
                counts.computeIfAbsent(delivery.importId(), id -> new int[5])[0]++;
            }
        }
        Map<Class<?>, Integer> column = new HashMap<>(Map.of(Outcome.Accepted.class, 1, Outcome.Denied.class, 2,
                Outcome.Skipped.class, 3, Outcome.Duplicate.class, 4));
        for (Outcome outcome : outcomes) {
            UUID importId = outcome.candidate().delivery().importId();
            if (importId != null) {
                counts.computeIfAbsent(importId, id -> new int[5])[column.get(outcome.getClass())]++;
            }
        }
        return Multi.createFrom().iterable(counts.entrySet())
                .onItem().transformToUniAndConcatenate(e -> imports.addProgress(e.getKey(), e.getValue()[0],
                        e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4]))
                .collect().last().replaceWithVoid();
    }

    private String toJson(InteractionContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Interaction content cannot be serialised", e);
        }
    }
}
