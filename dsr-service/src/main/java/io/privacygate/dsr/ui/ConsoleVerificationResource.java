package io.privacygate.dsr.ui;

import io.privacygate.dsr.api.VerificationRequest;
import io.privacygate.dsr.model.VerificationMethod;
import io.privacygate.dsr.service.fanout.WorkerTrigger;
import io.privacygate.dsr.service.verification.VerificationService;
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

/** Verifying the requester (Art. 12(6)): attesting what was checked, or e-mailing a code and checking it. */
@Path("/console/request/verification")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({DPO, PRIVACY_OPERATOR})
public class ConsoleVerificationResource {
    private final VerificationService verification;
    private final WorkerTrigger worker;
    private final RequestActions actions;
    private final SecurityIdentity identity;

    ConsoleVerificationResource(VerificationService verification, WorkerTrigger worker, RequestActions actions,
                                SecurityIdentity identity) {
        this.verification = verification;
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
    public Uni<Response> verify(@RestForm String id, @RestForm String method, @RestForm String evidence,
                                @RestForm String code) {
        UUID requestId = ConsoleForms.uuid(id);
        VerificationMethod chosen = "EMAIL_CODE".equals(method) ? VerificationMethod.EMAIL_CODE : VerificationMethod.OPERATOR_ATTESTED;
        VerificationRequest body = new VerificationRequest(chosen, ConsoleForms.blankToNull(evidence),
                ConsoleForms.blankToNull(code));
        return actions.act(requestId, () -> verification.verify(requestId, body, null, ConsoleUser.of(identity).actor(), true)
                .invoke(worker::kick)
                .map(result -> result.codeSent()
                        ? "A code was e-mailed to the requester's address. Enter it when they give it to you."
                        : "Identity verified. The systems are being asked now."));
    }
}
