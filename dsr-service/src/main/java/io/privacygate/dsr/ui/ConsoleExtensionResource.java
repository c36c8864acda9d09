package io.privacygate.dsr.ui;

import io.privacygate.dsr.api.ExtensionRequest;
import io.privacygate.dsr.service.deadlines.ExtensionService;
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

/** Extending the deadline (Art. 12(3)): the DPO's decision, once, with a reason. */
@Path("/console/request/extension")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(DPO)
public class ConsoleExtensionResource {
    private final ExtensionService extension;
    private final RequestActions actions;
    private final SecurityIdentity identity;

    ConsoleExtensionResource(ExtensionService extension, RequestActions actions, SecurityIdentity identity) {
        this.extension = extension;
        this.actions = actions;
        this.identity = identity;
    }

    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(identity);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> extend(@RestForm String id, @RestForm String reason, @RestForm String months) {
        UUID requestId = ConsoleForms.uuid(id);
        ExtensionRequest body = new ExtensionRequest(reason == null ? "" : reason, "1".equals(months) ? 1 : 2);
        return actions.act(requestId, () -> {
            actions.check(body);
            return extension.extend(requestId, body, ConsoleUser.of(identity).actor())
                    .map(view -> "Deadline extended to " + ConsoleViews.time(view.dueAt())
                            + ". The requester is e-mailed the reason, where the request gives an e-mail address.");
        });
    }
}
