package io.privacygate.ingestion.service.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.crypto.SubjectCipher;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.ingestion.api.ContactView;
import io.privacygate.ingestion.api.InteractionView;
import io.privacygate.ingestion.client.ConsentClient;
import io.privacygate.ingestion.client.ConsentDtos;
import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.model.ContactField;
import io.privacygate.ingestion.model.CrmSubject;
import io.privacygate.ingestion.model.Interaction;
import io.privacygate.ingestion.model.InteractionContent;
import io.privacygate.ingestion.repository.ContactFieldRepository;
import io.privacygate.ingestion.repository.CrmSubjectRepository;
import io.privacygate.ingestion.repository.InteractionRepository;
import io.privacygate.ingestion.model.Field;
import io.privacygate.ingestion.service.IngestionAudit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The CRM's reads. Each names its purpose: consent-service must permit that purpose for the subject
 * (through the CRM channel), the subject must not be restricted, and only data collected for that
 * purpose is shown (Art. 5(1)(b)). Every read, allowed or not, is audited; the decision is asked before
 * any database transaction opens, and a refusal's audit event is committed on its own.
 */
@ApplicationScoped
public class ContactService {
    private final ConsentClient consent;
    private final CrmSubjectRepository subjects;
    private final ContactFieldRepository contactFields;
    private final InteractionRepository interactions;
    private final SubjectKeys subjectKeys;
    private final IngestionAudit audit;
    private final ObjectMapper json;
    private final String channel;

    ContactService(ConsentClient consent, CrmSubjectRepository subjects, ContactFieldRepository contactFields,
                   InteractionRepository interactions, SubjectKeys subjectKeys, IngestionAudit audit, ObjectMapper json,
                   IngestionConfig config) {
        this.consent = consent;
        this.subjects = subjects;
        this.contactFields = contactFields;
        this.interactions = interactions;
        this.subjectKeys = subjectKeys;
        this.audit = audit;
        this.json = json;
        this.channel = config.crm().channel();
    }

    public Uni<ContactView> contact(UUID subjectId, String purpose, String actor) {
        return permitted(subjectId, purpose, actor)
                .chain(decision -> usableSubject(subjectId, purpose, actor, decision)
                        .chain(subject -> Panache.withTransaction(() -> readContact(subject, purpose, decision, actor))));
    }

    public Uni<Page<InteractionView>> interactions(UUID subjectId, String purpose, PageRequest page, String actor) {
        return permitted(subjectId, purpose, actor)
                .chain(decision -> usableSubject(subjectId, purpose, actor, decision)
                        .chain(subject -> Panache.withTransaction(() -> readInteractions(subjectId, purpose, page, decision, actor))));
    }

    private Uni<ContactView> readContact(CrmSubject subject, String purpose, ConsentDtos.Decision decision, String actor) {
        UUID subjectId = subject.subjectId;
        return contactFields.forPurpose(subjectId, purpose).chain(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("No contact data is held for this subject and purpose.");
            }
            return subjectKeys.forReading(subjectId).map(cipher -> new ContactView(subjectId, purpose,
                    decision.legalBasis(), decrypt(found, cipher), subject.firstSeenAt, subject.lastSeenAt));
        }).call(view -> audit.crmRead(actor, subjectId, purpose, decision.legalBasis(), "contact", view.fields().size()));
    }

    private Uni<Page<InteractionView>> readInteractions(UUID subjectId, String purpose, PageRequest page,
                                                        ConsentDtos.Decision decision, String actor) {
        return interactions.countUsable(subjectId, purpose).chain(total -> interactions
                        .usable(subjectId, purpose, page.page(), page.size())
                        .chain(rows -> rows.isEmpty()
                                ? Uni.createFrom().item(List.<InteractionView>of())
                                : subjectKeys.forReading(subjectId).map(cipher -> rows.stream().map(row -> view(row, cipher)).toList()))
                        .map(items -> new Page<>(items, page.page(), page.size(), total)))
                .call(result -> audit.crmRead(actor, subjectId, purpose, decision.legalBasis(), "interactions",
                        result.items().size()));
    }

    /** consent-service's decision for this use; a refusal is audited, then answered with 403. */
    private Uni<ConsentDtos.Decision> permitted(UUID subjectId, String purpose, String actor) {
        if (purpose == null || purpose.isBlank()) {
            throw ProblemException.invalidField("X-Purpose", "must name the purpose of this access");
        }
        return consent.decide(new ConsentDtos.DecisionQuery(subjectId, purpose, channel, null)).chain(decision -> decision.permitted()
                ? withinPlatformTerms(subjectId, purpose, actor, decision)
                : refuse(actor, subjectId, purpose, decision.legalBasis(), decision.reason()));
    }

    /**
     * Issue 21 point 4 (contract C1): the platform's terms bind the data wherever it is read, so each platform and kind of
     * item the purpose's data here came from is asked about as well; a {@code PLATFORM_TERMS} denial of any of them refuses
     * the read, consent or not (the contact fields do not record which item they came from, so none of it can be shown
     * apart). Other denials on the source channel are consent-service's answer to the collection, already decided at
     * intake; consent for this use is the {@code crm} decision's.
     */
    private Uni<ConsentDtos.Decision> withinPlatformTerms(UUID subjectId, String purpose, String actor, ConsentDtos.Decision decision) {
        return Panache.withSession(() -> interactions.sourcesOf(subjectId, purpose)).chain(sources -> {
            if (sources.isEmpty()) {
                return Uni.createFrom().item(decision);
            }
            List<ConsentDtos.DecisionQuery> queries = sources.stream()
                    .map(source -> new ConsentDtos.DecisionQuery(subjectId, purpose, source.channel(), source.kind().sourceKind()))
                    .toList();
            return consent.decide(queries, false).chain(answers -> answers.stream()
                    .anyMatch(answer -> !answer.permitted() && ConsentDtos.Decision.PLATFORM_TERMS.equals(answer.reason()))
                    ? refuse(actor, subjectId, purpose, decision.legalBasis(), ConsentDtos.Decision.PLATFORM_TERMS)
                    : Uni.createFrom().item(decision));
        });
    }

    /**
     * The subject as held here, read before the transaction of the read itself, so that a refusal's audit
     * event commits: a local Art. 18 restriction refuses the read like consent-service would.
     */
    private Uni<CrmSubject> usableSubject(UUID subjectId, String purpose, String actor, ConsentDtos.Decision decision) {
        return Panache.withSession(() -> subjects.findById(subjectId)).chain(subject -> {
            if (subject == null) {
                throw ProblemException.notFound("No data is held for this subject.");
            }
            if (subject.restricted) {
                return refuse(actor, subjectId, purpose, decision.legalBasis(), ConsentDtos.Decision.SUBJECT_RESTRICTED);
            }
            return Uni.createFrom().item(subject);
        });
    }

    private <T> Uni<T> refuse(String actor, UUID subjectId, String purpose, LegalBasis basis, String reason) {
        return Panache.withTransaction(() -> audit.crmReadDenied(actor, subjectId, purpose, basis, reason))
                .chain(() -> Uni.createFrom().failure(new PurposeNotPermittedException(reason)));
    }

    private static Map<String, String> decrypt(List<ContactField> fields, SubjectCipher cipher) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ContactField field : fields) {
            values.put(Field.valueOf(field.field).wireName(), cipher.decrypt(ContactField.value(field.field), field.valueEncrypted));
        }
        return values;
    }

    private InteractionView view(Interaction row, SubjectCipher cipher) {
        InteractionContent content = content(row, cipher, json);
        return new InteractionView(row.id, row.purpose, row.legalBasis, row.channel, row.kind, row.occurredAt,
                content.text(), content.answers() == null ? Map.of() : content.answers(),
                content.context() == null ? Map.of() : content.context());
    }

    static InteractionContent content(Interaction row, SubjectCipher cipher, ObjectMapper json) {
        try {
            return json.readValue(cipher.decrypt(Interaction.CONTENT, row.contentEncrypted), InteractionContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored interaction cannot be read", e);
        }
    }
}
