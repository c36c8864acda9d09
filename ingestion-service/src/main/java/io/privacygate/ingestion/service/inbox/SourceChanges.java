package io.privacygate.ingestion.service.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.audit.AuditEntry;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.model.Action;
import io.privacygate.ingestion.model.Interaction;
import io.privacygate.ingestion.model.InteractionContent;
import io.privacygate.ingestion.model.SocialEvent;
import io.privacygate.ingestion.repository.ContactFieldRepository;
import io.privacygate.ingestion.repository.CrmSubjectRepository;
import io.privacygate.ingestion.repository.InteractionRepository;
import io.privacygate.ingestion.service.IngestionAudit;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies edits and removals at the source to the copies stored here (issue 21), inside the round's transaction and
 * after its new interactions are written, so that an item created and removed within one round is gone too.
 * <ul>
 *   <li>A removal deletes every stored copy of the item. Where that was the subject's last interaction here, its
 *   contact fields (which came from those interactions) go too and its data key is shredded, as an erasure does
 *   (DESIGN §3): nothing of the person is left readable here.</li>
 *   <li>An edit replaces the stored text, under the same minimisation as intake (only if the copy keeps the category
 *   of the text) and under the subject's key.</li>
 * </ul>
 */
@ApplicationScoped
public class SourceChanges {
    private final InteractionRepository interactions;
    private final ContactFieldRepository contactFields;
    private final CrmSubjectRepository subjects;
    private final SubjectKeys subjectKeys;
    private final IngestionAudit audit;
    private final FieldPolicy fields;
    private final ObjectMapper json;

    SourceChanges(InteractionRepository interactions, ContactFieldRepository contactFields, CrmSubjectRepository subjects,
                  SubjectKeys subjectKeys, IngestionAudit audit, IngestionConfig config, ObjectMapper json) {
        this.interactions = interactions;
        this.contactFields = contactFields;
        this.subjects = subjects;
        this.subjectKeys = subjectKeys;
        this.audit = audit;
        this.fields = FieldPolicy.of(config.fieldCategories());
        this.json = json;
    }

    /** Inside the caller's transaction, one change after the other: the audit entries of what was done. */
    Uni<List<AuditEntry>> apply(List<Outcome.SourceChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(changes)
                .onItem().transformToUniAndConcatenate(this::apply)
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private Uni<List<AuditEntry>> apply(Outcome.SourceChange change) {
        SocialEvent event = change.candidate().event();
        String itemKey = change.candidate().itemKey();
        return interactions.copiesOf(itemKey).chain(copies -> {
            if (copies.isEmpty()) {
                return Uni.createFrom().item(List.of(audit.sourceChangeUnmatched(event.channel().wireName(), event.action().name())));
            }
            return event.action() == Action.DELETE ? delete(itemKey, copies) : edit(event, copies);
        });
    }

    private Uni<List<AuditEntry>> delete(String itemKey, List<Interaction> copies) {
        Map<UUID, Boolean> shredded = new LinkedHashMap<>();
        copies.forEach(copy -> shredded.put(copy.subjectId, false));
        return interactions.deleteCopiesOf(itemKey)
                .chain(() -> Multi.createFrom().iterable(List.copyOf(shredded.keySet()))
                        .onItem().transformToUniAndConcatenate(subjectId -> shredIfLast(subjectId)
                                .invoke(done -> shredded.put(subjectId, done)))
                        .collect().last())
                .map(ignored -> copies.stream()
                        .map(copy -> audit.interactionDeletedAtSource(copy.subjectId, copy.purpose, copy.channel, copy.kind,
                                shredded.get(copy.subjectId)))
                        .toList());
    }

    /** Where nothing of the subject is left here but contact fields taken from the items now gone: shred and delete. */
    private Uni<Boolean> shredIfLast(UUID subjectId) {
        return interactions.countOf(subjectId).chain(left -> left > 0 ? Uni.createFrom().item(false)
                : subjectKeys.shred(subjectId)
                        .call(() -> contactFields.deleteAllOf(subjectId))
                        .call(() -> subjects.deleteOne(subjectId))
                        .replaceWith(true));
    }

    private Uni<List<AuditEntry>> edit(SocialEvent event, List<Interaction> copies) {
        return Multi.createFrom().iterable(copies)
                .onItem().transformToUniAndConcatenate(copy -> subjectKeys.forReading(copy.subjectId).map(cipher -> {
                    List<String> kept = Arrays.asList(copy.categories.split(","));
                    FieldPolicy.Kept edited = fields.keep(event, kept);
                    InteractionContent stored = read(cipher.decrypt(Interaction.CONTENT, copy.contentEncrypted));
                    if (edited.content().text() != null) {
                        copy.contentEncrypted = cipher.encrypt(Interaction.CONTENT,
                                write(new InteractionContent(edited.content().text(), stored.answers(), stored.context())));
                    }
                    return audit.interactionEditedAtSource(copy.subjectId, copy.purpose, copy.channel, copy.kind,
                            edited.categories());
                }))
                .collect().asList()
                .map(ArrayList::new);
    }

    private InteractionContent read(String plaintext) {
        try {
            return json.readValue(plaintext, InteractionContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored interaction cannot be read", e);
        }
    }

    private String write(InteractionContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Interaction content cannot be serialised", e);
        }
    }
}
