package io.privacygate.dsr.ui;

import io.privacygate.dsr.api.RejectionRequest;
import io.privacygate.dsr.service.ClosingService;
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

/** Refusing a request (Art. 12(4)-(6)) before any system was changed, with the reason. */
@Path("/console/request/rejection")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({DPO, PRIVACY_OPERATOR})
public class ConsoleRejectionResource {
    private final ClosingService closing;
    private final RequestActions actions;
    private final SecurityIdentity identity;

    ConsoleRejectionResource(ClosingService closing, RequestActions actions, SecurityIdentity identity) {
        this.closing = closing;
        this.actions = actions;
        this.identity = identity;
    }

    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(identity);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reject(@RestForm String id, @RestForm String reason) {
        UUID requestId = ConsoleForms.uuid(id);
        RejectionRequest body = new RejectionRequest(reason == null ? "" : reason);
        return actions.act(requestId, () -> {
            actions.check(body);
            return closing.reject(requestId, body, ConsoleUser.of(identity).actor()).map(view -> "Request refused.");
        });
    }
}
