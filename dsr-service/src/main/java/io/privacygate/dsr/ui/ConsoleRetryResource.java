package io.privacygate.dsr.ui;

import io.privacygate.dsr.service.fanout.RetryService;
import io.privacygate.dsr.service.fanout.WorkerTrigger;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/** Sending the tasks that failed for good back to the worker, once their cause is fixed. */
@Path("/console/request/retry")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({DPO, PRIVACY_OPERATOR})
public class ConsoleRetryResource {
    private final RetryService retry;
    private final WorkerTrigger worker;
    private final RequestActions actions;
    private final SecurityIdentity identity;

    ConsoleRetryResource(RetryService retry, WorkerTrigger worker, RequestActions actions, SecurityIdentity identity) {
        this.retry = retry;
        this.worker = worker;
        this.actions = actions;
        this.identity = identity;
    }

    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(identity);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> retry(@RestForm String id) {
        UUID requestId = ConsoleForms.uuid(id);
        return actions.act(requestId, () -> retry.retry(requestId, ConsoleUser.of(identity).actor()).invoke(worker::kick)
                .map(view -> "Failed tasks sent back to the worker."));
    }
}
