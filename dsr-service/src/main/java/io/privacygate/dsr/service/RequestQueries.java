package io.privacygate.dsr.service;

import io.privacygate.commons.crypto.BlindIndex;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.dsr.api.RequestSummary;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.repository.DsrRequestRepository;
import io.privacygate.dsr.repository.DsrRequestRepository.RequestFilter;
import io.privacygate.dsr.repository.RequestIdentifierRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reading requests: lists without personal data, one request in full, and the requests of a person. */
@ApplicationScoped
public class RequestQueries {
    private final DsrRequestRepository requests;
    private final RequestIdentifierRepository identifiers;
    private final BlindIndex blindIndex;
    private final RequestViews views;
    private final DsrAudit audit;

    RequestQueries(DsrRequestRepository requests, RequestIdentifierRepository identifiers, BlindIndex blindIndex,
                   RequestViews views, DsrAudit audit) {
        this.requests = requests;
        this.identifiers = identifiers;
        this.blindIndex = blindIndex;
        this.views = views;
        this.audit = audit;
    }

    @WithSession
    public Uni<Page<RequestSummary>> list(RequestFilter filter, PageRequest page) {
        return requests.count(filter).chain(total -> requests.page(filter, page).map(found -> new Page<>(
                found.stream().map(r -> RequestViews.summary(r, filter.now())).toList(), page.page(), page.size(), total)));
    }

    /**
     * The operators' queue: open requests (or those of one status), optionally of one type, the nearest deadline
     * first; as in every list, without identifiers or free text.
     */
    @WithSession
    public Uni<Page<RequestSummary>> queue(RequestType type, RequestStatus status, PageRequest page) {
        Set<RequestStatus> statuses = status == null ? RequestStatus.OPEN : Set.of(status);
        Instant now = Instant.now();
        return requests.countQueue(type, statuses).chain(total -> requests.queue(type, statuses, page).map(found ->
                new Page<>(found.stream().map(r -> RequestViews.summary(r, now)).toList(), page.page(), page.size(), total)));
    }

    /**
     * An operator sees identifiers and free text, and that access is audited; a filing service sees the state
     * of the requests it filed, and no others.
     */
    @WithTransaction
    public Uni<RequestView> get(UUID id, boolean operator, String actor) {
        boolean disclose = operator;
        return requests.findById(id)
                .map(request -> request == null || (!operator && !actor.equals(request.filedBy)) ? null : request)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No such request."))
                .chain(request -> views.view(request, disclose)
                        .call(view -> disclose ? audit.disclosed(request, view.identifiers().size(), actor)
                                : Uni.createFrom().voidItem()));
    }

    /** The requests filed with any of these identifiers, found by blind index, newest first. */
    @WithSession
    public Uni<List<RequestSummary>> byIdentifiers(List<Identifier> given) {
        Instant now = Instant.now();
        return Multi.createFrom().range(0, given.size())
                .onItem().transformToUniAndConcatenate(i -> blindIndex.of(given.get(i), "identifiers[" + i + "].value"))
                .collect().asList()
                .chain(indexes -> identifiers.requestsByBlindIndexes(indexes))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<DsrRequest>of())
                        : requests.list("id in ?1 order by receivedAt desc, id", ids))
                .map(found -> found.stream().map(r -> RequestViews.summary(r, now)).toList());
    }
}
