package io.privacygate.dsr.ui;

import io.privacygate.commons.web.PageRequest;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.ui.ConsoleViews.QueuePage;
import io.privacygate.dsr.ui.ConsoleViews.QueueRow;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.service.RequestQueries;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.privacygate.commons.security.Roles.AUDITOR;
import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/** The queue of requests, nearest deadline first, with no identifiers or free text. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleQueueResource {
    private final RequestQueries queries;
    private final DsrConfig config;
    private final SecurityIdentity identity;

    ConsoleQueueResource(RequestQueries queries, DsrConfig config, SecurityIdentity identity) {
        this.queries = queries;
        this.config = config;
        this.identity = identity;
    }

    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(identity);
    }

    /** The queue; an auditor's console starts at the audit page. */
    @GET
    @RolesAllowed({DPO, PRIVACY_OPERATOR, AUDITOR})
    public Uni<Response> queue(@QueryParam("type") String type, @QueryParam("status") String status,
                               @QueryParam("page") String page) {
        ConsoleUser user = ConsoleUser.of(identity);
        if (!user.worksRequests()) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/console/audit")).build());
        }
        RequestType chosenType = ConsoleForms.choice(type, RequestType.class);
        RequestStatus chosenStatus = ConsoleForms.choice(status, RequestStatus.class);
        int size = config.console().pageSize();
        PageRequest request = PageRequest.of(Math.max(0, ConsoleForms.number(page)), size);
        Instant now = Instant.now();
        return queries.queue(chosenType, chosenStatus, request).chain(found -> {
            List<QueueRow> rows = found.items().stream()
                    .map(s -> QueueRow.of(s, config.deadline().zone(), now)).toList();
            int pages = (int) Math.max(1, (found.total() + size - 1) / size);
            QueuePage queue = new QueuePage(rows, found.total(), request.page(), pages, chosenType, chosenStatus,
                    Arrays.asList(RequestType.values()), Arrays.asList(RequestStatus.values()),
                    rows.stream().filter(r -> r.request().overdue()).count());
            return ConsoleHtml.html(ConsolePages.queue(user, queue));
        });
    }
}
