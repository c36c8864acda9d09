package io.privacygate.dsr.ui;

import io.privacygate.dsr.api.ConsoleRecords;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.client.AuditApi;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.ui.ConsoleViews.Message;
import io.privacygate.dsr.ui.ConsoleViews.RequestPage;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.service.RequestQueries;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The page of one request, as its own page and as the answer to an action that was refused: identifiers and details
 * (the view is audited), what may be done next, and the audit trail.
 */
@ApplicationScoped
class RequestDetailPage {
    private final RequestQueries queries;
    private final AuditApi audit;
    private final DsrConfig config;
    private final SecurityIdentity identity;

    RequestDetailPage(RequestQueries queries, @RestClient AuditApi audit, DsrConfig config, SecurityIdentity identity) {
        this.queries = queries;
        this.audit = audit;
        this.config = config;
        this.identity = identity;
    }

    Uni<Response> show(UUID id, Message message, int status) {
        ConsoleUser user = ConsoleUser.of(identity);
        return queries.get(id, true, user.actor())
                .chain(view -> auditTrail(user, view).chain(trail -> {
                    RequestPage page = new RequestPage(view, RequestPage.timeline(view), trail.events(), trail.note(),
                            message, user.isDpo() && view.status().isOpen() && !view.extended()
                                    && Instant.now().isBefore(view.originalDueAt()),
                            view.type().exports() && view.status() == RequestStatus.COMPLETED
                                    && view.answer() != null && view.answer().export() != null
                                    && view.answer().export().available(),
                            ConsoleViews.daysLeft(view.dueAt(), config.deadline().zone(), Instant.now()));
                    return ConsoleHtml.html(ConsolePages.request(user, page), status);
                }))
                .onFailure(e -> ConsoleErrors.status(e) == 404)
                .recoverWithUni(this::noSuchRequest);
    }

    Uni<Response> noSuchRequest() {
        return ConsoleErrors.page(identity, 404, "No such request", "There is no request with that id.");
    }

    private record Trail(List<ConsoleRecords.IndexedEvent> events, String note) {
    }

    /**
     * audit-service's own entries about this request, read with the person's token: audit-service shows them to
     * the DPO (and auditors); for others the page shows the request's recorded history only.
     */
    private Uni<Trail> auditTrail(ConsoleUser user, RequestView view) {
        if (!user.audits()) {
            return Uni.createFrom().item(new Trail(List.of(),
                    "The audit log's own entries are shown to the DPO and auditors; this is the request's recorded history."));
        }
        if (view.subjectId() == null) {
            return Uni.createFrom().item(new Trail(List.of(),
                    "The audit log lists events by subject; this request has no subject in consent-service."));
        }
        String requestId = view.id().toString();
        return audit.events(view.subjectId().toString(), 0, 500)
                .map(page -> new Trail(page.items().stream()
                        .filter(e -> e.event() != null && requestId.equals(e.event().requestId()))
                        .sorted(Comparator.comparingLong(ConsoleRecords.IndexedEvent::index)).toList(), null))
                .onFailure().recoverWithItem(failure -> new Trail(List.of(),
                        "The audit log could not be read: " + ConsoleErrors.describe(failure)));
    }
}
