package io.privacygate.ingestion.service.inbox;

import io.privacygate.ingestion.client.ConsentClient;
import io.privacygate.ingestion.client.ConsentDtos;
import io.privacygate.ingestion.client.LinkedInClient;
import io.privacygate.ingestion.client.LinkedInClient.LeadFormResponse;
import io.privacygate.ingestion.config.PlatformsConfig;
import io.privacygate.ingestion.model.LeadData;
import io.privacygate.ingestion.model.SocialEvent;
import io.privacygate.ingestion.service.webhook.LinkedInLeadForms;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Completes a LinkedIn lead notification, which names a lead form response only: the answers come from LinkedIn's API,
 * named by the form's questions, and are then handled exactly like a Meta lead's. The consent checkboxes the member ticked
 * and that {@code privacy-gate.platforms.linkedin.lead-consents} maps to a purpose are recorded first, in consent-service,
 * as grants with their evidence (source {@value #SOURCE}, the form id, the time of submission): the decision taken later
 * in the round then rests on the consent the member gave in the form (Art. 7(1): the controller can show it).
 */
@ApplicationScoped
public class LinkedInLeads {
    static final String SOURCE = "linkedin-lead-form";
    private static final Logger LOG = Logger.getLogger(LinkedInLeads.class);
    private final LinkedInClient linkedIn;
    private final ConsentClient consent;
    private final PlatformsConfig platforms;

    LinkedInLeads(LinkedInClient linkedIn, ConsentClient consent, PlatformsConfig platforms) {
        this.linkedIn = linkedIn;
        this.consent = consent;
        this.platforms = platforms;
    }

    /** The lead with its answers, once its mapped consents are recorded; fails (the delivery waits) if either peer cannot answer. */
    public Uni<SocialEvent> complete(InboxCipher cipher, SocialEvent notification) {
        return linkedIn.leadFormResponse(notification.leadId()).chain(lead -> {
            LeadData data = LinkedInLeadForms.answers(lead);
            return recordConsents(cipher, notification, lead, data).replaceWith(notification.withLeadData(data));
        });
    }

    private Uni<Void> recordConsents(InboxCipher cipher, SocialEvent notification, LeadFormResponse lead, LeadData data) {
        List<String> mapped = LinkedInLeadForms.acceptedConsents(lead).stream()
                .filter(platforms.linkedin().leadConsents()::containsKey).toList();
        if (mapped.isEmpty() || data.identifiers().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant captured = LinkedInLeadForms.submittedAt(lead, notification.occurredAt());
        return Multi.createFrom().iterable(mapped)
                .onItem().transformToUniAndConcatenate(checkbox -> {
                    String purpose = platforms.linkedin().leadConsents().get(checkbox);
                    return consent.purpose(purpose).chain(definition -> grant(cipher, notification, lead, data, checkbox,
                            purpose, definition, captured));
                })
                .collect().last().replaceWithVoid();
    }

    private Uni<Boolean> grant(InboxCipher cipher, SocialEvent notification, LeadFormResponse lead, LeadData data,
                               String checkbox, String purpose, Optional<ConsentDtos.PurposeDefinition> definition,
                               Instant captured) {
        if (definition.isEmpty()) {
            LOG.warnf("LinkedIn lead consent checkbox %s is mapped to purpose '%s', which consent-service does not know: not recorded",
                    checkbox, purpose);
            return Uni.createFrom().item(false);
        }
        // The checkbox's text is the notice the member saw; the mapping says it is the purpose's current notice.
        ConsentDtos.ConsentEvent event = new ConsentDtos.ConsentEvent(data.identifiers(), purpose, "GRANTED",
                definition.get().noticeVersion(), SOURCE,
                new ConsentDtos.Evidence(SOURCE, lead.formId(), captured));
        // One event per response and checkbox, however often the round is retried; a keyed digest, not LinkedIn's id.
        String idempotencyKey = SOURCE + ":" + cipher.digest("linkedin-lead-consent:" + notification.leadId() + ":" + checkbox);
        return consent.record(idempotencyKey, event).invoke(recorded -> {
            if (!recorded) {
                LOG.warnf("consent-service refused the grant of purpose '%s' from LinkedIn lead consent checkbox %s", purpose, checkbox);
            }
        });
    }
}
