package io.privacygate.ingestion.service.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.crypto.SubjectCipher;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.keys.BackupWindow;
import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.commons.dsr.RestrictionState;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.ingestion.client.ConsentClient;
import io.privacygate.ingestion.model.ContactField;
import io.privacygate.ingestion.model.CrmSubject;
import io.privacygate.ingestion.model.Interaction;
import io.privacygate.ingestion.model.InteractionContent;
import io.privacygate.ingestion.repository.ConsentChangeRepository;
import io.privacygate.ingestion.repository.ContactFieldRepository;
import io.privacygate.ingestion.repository.CrmSubjectRepository;
import io.privacygate.ingestion.repository.InteractionRepository;
import io.privacygate.ingestion.repository.SuppressionRepository;
import io.privacygate.ingestion.model.Field;
import io.privacygate.ingestion.service.IngestionAudit;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * This service's part of data subject requests (DESIGN §4, DSR participant contract). Every call is
 * idempotent: dsr-service retries until done.
 */
@ApplicationScoped
public class DsrParticipantService {
    public static final String SYSTEM = "ingestion-service";

    private final CrmSubjectRepository subjects;
    private final ContactFieldRepository contactFields;
    private final InteractionRepository interactions;
    private final ConsentChangeRepository consentChanges;
    private final SuppressionRepository suppressions;
    private final SubjectKeys subjectKeys;
    private final ConsentClient consent;
    private final IngestionAudit audit;
    private final ObjectMapper json;
    private final BackupWindow backupWindow;

    DsrParticipantService(CrmSubjectRepository subjects, ContactFieldRepository contactFields,
                          InteractionRepository interactions, ConsentChangeRepository consentChanges,
                          SuppressionRepository suppressions, SubjectKeys subjectKeys, ConsentClient consent, IngestionAudit audit, ObjectMapper json,
                          BackupWindow backupWindow) {
        this.subjects = subjects;
        this.contactFields = contactFields;
        this.interactions = interactions;
        this.consentChanges = consentChanges;
        this.suppressions = suppressions;
        this.subjectKeys = subjectKeys;
        this.consent = consent;
        this.audit = audit;
        this.json = json;
        this.backupWindow = backupWindow;
    }

    /** Art. 15/20: everything held, decrypted, including data stored while restricted. */
    @WithTransaction
    public Uni<DsrExport> export(UUID subjectId, String actor) {
        return subjects.findById(subjectId).chain(subject -> contactFields.allOf(subjectId)
                .chain(fields -> interactions.allOf(subjectId).chain(rows -> {
                    Uni<SubjectCipher> cipher = fields.isEmpty() && rows.isEmpty()
                            ? Uni.createFrom().nullItem() : subjectKeys.forReading(subjectId);
                    return cipher.map(c -> new DsrExport(SYSTEM, subjectId, Instant.now(), Map.of(
                                    "subject", subject == null ? List.of() : List.of(subjectRow(subject)),
                                    "contactFields", fields.stream().map(f -> fieldRow(f, c)).toList(),
                                    "interactions", rows.stream().map(r -> interactionRow(r, c)).toList())))
                            .call(() -> audit.dsrExported(actor, subjectId, rows.size(), fields.size()));
                })));
    }

    /**
     * Art. 17: the subject's key is shredded first, so every copy of its ciphertext dies; then the rows go, and
     * the subject's platform ids join the suppression list, so that no replayed or late delivery brings them back.
     */
    @WithTransaction
    public Uni<ErasureReceipt> erase(UUID subjectId, String actor) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        long[] suppressed = new long[1];
        return suppressions.suppress(subjectId, Instant.now()).invoke(n -> suppressed[0] = n)
                .chain(() -> subjectKeys.shred(subjectId))
                .chain(shredded -> interactions.deleteAllOf(subjectId).invoke(n -> deleted.put("interactions", n))
                        .chain(() -> contactFields.deleteAllOf(subjectId)).invoke(n -> deleted.put("contactFields", n))
                        .chain(() -> consentChanges.deleteAllOf(subjectId)).invoke(n -> deleted.put("consentChanges", n.longValue()))
                        .chain(() -> subjects.deleteOne(subjectId)).invoke(n -> deleted.put("subjects", n))
                        .chain(() -> audit.dsrErased(actor, subjectId, shredded, deleted.get("interactions"), deleted.get("contactFields"),
                                suppressed[0]))
                        .invoke(() -> consent.forgetSubject(subjectId))
                        .map(ignored -> {
                            Instant erasedAt = Instant.now();
                            return new ErasureReceipt(SYSTEM, subjectId, erasedAt, shredded, deleted, List.of(),
                                    shredded ? backupWindow.unreadableAfter(erasedAt) : null);
                        }));
    }

    /** Art. 18: while restricted, data is stored and never used (the CRM refuses to show it). */
    @WithTransaction
    public Uni<RestrictionState> restrict(UUID subjectId, boolean restricted, String actor) {
        Instant now = Instant.now();
        return subjects.restrict(subjectId, restricted, now)
                .chain(() -> subjects.findById(subjectId))
                .call(() -> audit.dsrRestriction(actor, subjectId, restricted))
                .map(subject -> new RestrictionState(SYSTEM, subjectId, subject.restricted,
                        subject.restrictionChangedAt != null ? subject.restrictionChangedAt : now));
    }

    /**
     * Art. 16: replaces the contact fields held (for every purpose) with the corrected values; fields not
     * held are not added. Identifiers of type email and phone correct those fields.
     */
    @WithTransaction
    public Uni<RectificationResult> rectify(UUID subjectId, RectificationRequest request, String actor) {
        Map<Field, String> corrections = corrections(request);
        return contactFields.allOf(subjectId).chain(fields -> {
            List<ContactField> affected = fields.stream()
                    .filter(f -> corrections.containsKey(Field.valueOf(f.field))).toList();
            if (affected.isEmpty()) {
                return Uni.createFrom().item(new RectificationResult(SYSTEM, subjectId, List.of()));
            }
            return subjectKeys.forReading(subjectId).chain(cipher -> {
                TreeSet<String> rectified = new TreeSet<>();
                Instant now = Instant.now();
                for (ContactField field : affected) {
                    Field which = Field.valueOf(field.field);
                    field.valueEncrypted = cipher.encrypt(ContactField.value(field.field), corrections.get(which));
                    field.updatedAt = now;
                    rectified.add(which.wireName());
                }
                List<String> names = new ArrayList<>(rectified);
                return audit.dsrRectified(actor, subjectId, names)
                        .replaceWith(new RectificationResult(SYSTEM, subjectId, names));
            });
        });
    }

    private static Map<Field, String> corrections(RectificationRequest request) {
        Map<Field, String> corrections = new EnumMap<>(Field.class);
        if (request.identifiers() != null) {
            for (Identifier identifier : request.identifiers()) {
                switch (identifier.type()) {
                    case EMAIL -> corrections.put(Field.EMAIL, identifier.value());
                    case PHONE -> corrections.put(Field.PHONE, identifier.value());
                    default -> {
                        // platform ids are consent-service's; this service holds none
                    }
                }
            }
        }
        if (request.fields() != null) {
            request.fields().forEach((name, value) -> {
                Field field = Field.fromWire(name.toLowerCase(Locale.ROOT));
                if (field != null && field.contact() && value != null) {
                    corrections.put(field, value);
                }
            });
        }
        return corrections;
    }

    private static Map<String, Object> subjectRow(CrmSubject subject) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("restricted", subject.restricted);
        row.put("restrictionChangedAt", subject.restrictionChangedAt);
        row.put("firstSeenAt", subject.firstSeenAt);
        row.put("lastSeenAt", subject.lastSeenAt);
        return row;
    }

    private static Map<String, Object> fieldRow(ContactField field, SubjectCipher cipher) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("purpose", field.purpose);
        row.put("legalBasis", field.legalBasis);
        row.put("field", Field.valueOf(field.field).wireName());
        row.put("value", cipher.decrypt(ContactField.value(field.field), field.valueEncrypted));
        row.put("updatedAt", field.updatedAt);
        row.put("retainUntil", field.retainUntil);
        return row;
    }

    /** Flat, for CSV: answers and context become {@code answer.<name>} and {@code context.<name>} columns. */
    private Map<String, Object> interactionRow(Interaction interaction, SubjectCipher cipher) {
        InteractionContent content = ContactService.content(interaction, cipher, json);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", interaction.id);
        row.put("purpose", interaction.purpose);
        row.put("legalBasis", interaction.legalBasis);
        row.put("channel", interaction.channel);
        row.put("kind", interaction.kind);
        row.put("source", interaction.source);
        row.put("restricted", interaction.restricted);
        row.put("occurredAt", interaction.occurredAt);
        row.put("retainUntil", interaction.retainUntil);
        row.put("text", content.text());
        if (content.answers() != null) {
            content.answers().forEach((name, value) -> row.put("answer." + name, value));
        }
        if (content.context() != null) {
            content.context().forEach((name, value) -> row.put("context." + name, value));
        }
        return row;
    }
}
