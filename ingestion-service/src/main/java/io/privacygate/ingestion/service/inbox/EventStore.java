package io.privacygate.ingestion.service.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.audit.AuditEntry;
import io.privacygate.commons.crypto.SubjectCipher;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.model.ContactField;
import io.privacygate.ingestion.model.Interaction;
import io.privacygate.ingestion.model.ClaimedDelivery;
import io.privacygate.ingestion.model.InteractionContent;
import io.privacygate.ingestion.repository.ConsentChangeRepository;
import io.privacygate.ingestion.repository.ContactFieldRepository;
import io.privacygate.ingestion.repository.CrmSubjectRepository;
import io.privacygate.ingestion.repository.ImportJobRepository;
import io.privacygate.ingestion.repository.InboxRepository;
import io.privacygate.ingestion.repository.InteractionRepository;
import io.privacygate.ingestion.repository.ProcessedEventRepository;
import io.privacygate.ingestion.repository.SuppressionRepository;
import io.privacygate.ingestion.model.Field;
import io.privacygate.ingestion.service.IngestionAudit;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Stores one round's outcomes in one transaction, with the removal of their deliveries from the inbox:
 * either all of it happens, or the deliveries are still there for the next round.
 * <p>
 * Steps: record the event keys (an event another replica stored meanwhile drops out); take the shared
 * locks of the (subject, purpose) pairs to store for, and drop those whose consent was revoked after the
 * decisions were asked; encrypt; write contact fields, subjects, audit events and interactions, each kind
 * in one statement; count imports' progress; delete the deliveries; then apply edits and removals at the source
 * ({@link SourceChanges}). A round costs about ten round trips to
 * the database, however many events it holds: a long chain of small statements would starve while webhooks
 * keep the event loop busy.
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
    private final SuppressionRepository suppressions;
    private final SourceChanges sourceChanges;

    EventStore(ProcessedEventRepository processed, ConsentChangeRepository consentChanges,
               InteractionRepository interactions, ContactFieldRepository contactFields, CrmSubjectRepository subjects,
               ImportJobRepository imports, InboxRepository inbox, SubjectKeys subjectKeys, IngestionAudit audit,
               IngestionConfig config, ObjectMapper json, SuppressionRepository suppressions, SourceChanges sourceChanges) {
        this.sourceChanges = sourceChanges;
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
        this.suppressions = suppressions;
    }

    /**
     * @param links          the platform ids (blind indexes) each subject of the round was resolved from
     * @param decisionsAsked when consent-service was asked: revocations heard since then override its answers
     * @param timings        the round's phases, for the debug log
     * @return the deliveries finished and the events' outcomes
     */
    @WithTransaction
    public Uni<Committed> commit(List<Outcome> outcomes, List<ClaimedDelivery> done, List<UUID> unreadable,
                                 List<SuppressionRepository.Link> links, Instant decisionsAsked, RoundTimings timings) {
        timings.mark("store-begin");
        List<String> keys = outcomes.stream().filter(o -> !(o instanceof Outcome.Duplicate))
                .map(o -> o.candidate().eventKey()).distinct().toList();
        return processed.claim(keys)
                .invoke(() -> timings.mark("store-dedupe"))
                .map(fresh -> outcomes.stream()
                        .map(o -> o instanceof Outcome.Duplicate || fresh.contains(o.candidate().eventKey())
                                ? o : new Outcome.Duplicate(o.candidate()))
                        .toList())
                .chain(claimed -> withoutRevoked(claimed, decisionsAsked))
                .invoke(() -> timings.mark("store-locks"))
                .chain(settled -> ciphers(settled).invoke(() -> timings.mark("store-keys"))
                        .chain(ciphers -> write(settled, ciphers, done, unreadable))
                        .chain(() -> suppressions.link(links))
                        .invoke(() -> timings.mark("store-write"))
                        .replaceWith(() -> new Committed(done.size(), count(settled))));
    }

    /** What a committed round did. */
    public record Committed(int deliveries, Map<String, Integer> events) {
    }

    private static Map<String, Integer> count(List<Outcome> outcomes) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            String name = switch (outcome) {
                case Outcome.Accepted accepted -> "stored";
                case Outcome.Denied denied -> "denied";
                case Outcome.Skipped skipped -> "skipped";
                case Outcome.Duplicate duplicate -> "duplicate";
                case Outcome.SourceChange change -> "source-change";
            };
            counts.merge(name, 1, Integer::sum);
        }
        return counts;
    }

    /** The data key of every subject something is stored for, created on first use; all in one go, in id order. */
    private Uni<Map<UUID, SubjectCipher>> ciphers(List<Outcome> outcomes) {
        Set<UUID> subjectIds = new TreeSet<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Accepted accepted) {
                subjectIds.add(accepted.subjectId());
            }
        }
        if (subjectIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return subjectKeys.forWriting(subjectIds);
    }

    /** A handful of statements whatever the round's size: each kind of row is written in one go. */
    private Uni<Void> write(List<Outcome> outcomes, Map<UUID, SubjectCipher> ciphers, List<ClaimedDelivery> done,
                            List<UUID> unreadable) {
        Instant now = Instant.now();
        List<Interaction> toInsert = new ArrayList<>();
        Map<ContactField.Key, ContactField> contacts = new HashMap<>();
        List<AuditEntry> audits = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            switch (outcome) {
                case Outcome.Duplicate duplicate -> {
                    // acknowledged before: nothing more to do
                }
                case Outcome.SourceChange change -> {
                    // applied once the round's interactions are written (sourceChanges)
                }
                case Outcome.Skipped skipped -> audits.add(audit.interactionSkipped(skipped.subjectId(), skipped.purpose(), skipped.reason()));
                case Outcome.Denied denied -> audits.add(audit.interactionDenied(denied.subjectId(), denied.purpose(),
                        denied.decision().legalBasis(), denied.reason()));
                case Outcome.Accepted accepted -> audits.add(store(accepted, ciphers.get(accepted.subjectId()), now, toInsert, contacts));
            }
        }
        unreadable.forEach(id -> audits.add(audit.interactionSkipped(null, null, "unreadable-delivery")));
        Set<UUID> seen = new TreeSet<>(ciphers.keySet());
        return contactFields.upsertAll(List.copyOf(contacts.values()))
                .chain(() -> subjects.touchAll(seen, now))
                .chain(() -> audit.recordAll(audits))
                .chain(() -> countImports(outcomes, done))
                .chain(() -> inbox.delete(done.stream().map(ClaimedDelivery::id).toList()))
                .chain(() -> interactions.insertAll(toInsert))
                .chain(() -> applySourceChanges(outcomes))
                .replaceWithVoid();
    }

    /** After the round's inserts, so that an item created and removed in one round is removed too. */
    private Uni<Void> applySourceChanges(List<Outcome> outcomes) {
        List<Outcome.SourceChange> changes = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.SourceChange change) {
                changes.add(change);
            }
        }
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> creationKeys = changes.stream().flatMap(c -> c.creationKeys().stream()).distinct().toList();
        return processed.claim(creationKeys)
                .chain(() -> sourceChanges.apply(changes))
                .chain(audit::recordAll);
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

    /** Encrypts what the purpose allows into an interaction and contact fields; the newest value of a field wins. */
    private AuditEntry store(Outcome.Accepted accepted, SubjectCipher cipher, Instant now, List<Interaction> toInsert,
                             Map<ContactField.Key, ContactField> contacts) {
        var event = accepted.candidate().event();
        FieldPolicy.Kept kept = fields.keep(event, accepted.definition().dataCategories());
        String source = accepted.candidate().delivery().importId() == null ? WEBHOOK : IMPORT;
        toInsert.add(interaction(accepted, kept, cipher, now, source));
        kept.contact().forEach((field, value) -> {
            ContactField.Key key = new ContactField.Key(accepted.subjectId(), accepted.purpose(), field.name());
            ContactField existing = contacts.get(key);
            if (existing == null || !existing.updatedAt.isAfter(event.occurredAt())) {
                ContactField row = contactField(accepted, field, cipher.encrypt(ContactField.value(field.name()), value), event.occurredAt());
                if (existing != null && existing.retainUntil.isAfter(row.retainUntil)) {
                    row.retainUntil = existing.retainUntil;
                }
                contacts.put(key, row);
            }
        });
        return audit.interactionStored(accepted.subjectId(), accepted.purpose(), accepted.decision().legalBasis(),
                event.channel().wireName(), event.kind().name(), kept.categories(), accepted.restricted(), source);
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
        interaction.contentEncrypted = cipher.encrypt(Interaction.CONTENT, toJson(kept.content()));
        interaction.restricted = accepted.restricted();
        interaction.source = source;
        interaction.occurredAt = event.occurredAt();
        interaction.storedAt = now;
        interaction.retainUntil = accepted.retainUntil();
        interaction.itemKey = accepted.candidate().itemKey();
        interaction.itemRef = accepted.candidate().itemRef();
        return interaction;
    }

    /** {@code updatedAt} is when the value was given, so that the newest of a round wins. */
    private static ContactField contactField(Outcome.Accepted accepted, Field field, String encrypted, Instant givenAt) {
        ContactField contact = new ContactField();
        contact.subjectId = accepted.subjectId();
        contact.purpose = accepted.purpose();
        contact.field = field.name();
        contact.valueEncrypted = encrypted;
        contact.legalBasis = accepted.decision().legalBasis().name();
        contact.consentEventId = accepted.decision().consentEventId();
        contact.updatedAt = givenAt;
        contact.retainUntil = accepted.retainUntil();
        return contact;
    }

    private Uni<Void> countImports(List<Outcome> outcomes, List<ClaimedDelivery> done) {
        Map<UUID, int[]> counts = new LinkedHashMap<>();
        for (ClaimedDelivery delivery : done) {
            if (delivery.importId() != null) {
                counts.computeIfAbsent(delivery.importId(), id -> new int[5])[0]++;
            }
        }
        // an edit or removal at the source counts as processed, and as nothing else
        Map<Class<?>, Integer> column = new HashMap<>(Map.of(Outcome.Accepted.class, 1, Outcome.Denied.class, 2,
                Outcome.Skipped.class, 3, Outcome.Duplicate.class, 4, Outcome.SourceChange.class, 0));
        for (Outcome outcome : outcomes) {
            UUID importId = outcome.candidate().delivery().importId();
            if (importId != null) {
                int which = column.get(outcome.getClass());
                if (which > 0) {
                    counts.computeIfAbsent(importId, id -> new int[5])[which]++;
                }
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
