package io.privacygate.dsr.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.web.Params;
import io.privacygate.dsr.api.ExtensionRequest;
import io.privacygate.dsr.api.RejectionRequest;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.api.VerificationRequest;
import io.privacygate.dsr.service.ClosingService;
import io.privacygate.dsr.service.deadlines.ExtensionService;
import io.privacygate.dsr.service.fanout.RetryService;
import io.privacygate.dsr.service.fanout.WorkerTrigger;
import io.privacygate.dsr.service.intake.IntakeRights;
import io.privacygate.dsr.service.verification.VerificationService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.DSR_INTAKE;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/** What operators (and filing services) do to a request after filing it. */
@Path("/api/v1/requests/{id}")
public class RequestActionResource {
    private final VerificationService verification;
    private final IntakeRights rights;
    private final ExtensionService extension;
    private final ClosingService closing;
    private final RetryService retry;
    private final WorkerTrigger worker;
    private final SecurityIdentity identity;

    RequestActionResource(VerificationService verification, IntakeRights rights, ExtensionService extension,
                          ClosingService closing, RetryService retry, WorkerTrigger worker, SecurityIdentity identity) {
        this.verification = verification;
        this.rights = rights;
        this.extension = extension;
        this.closing = closing;
        this.retry = retry;
        this.worker = worker;
        this.identity = identity;
    }

    /**
     * 200 with the verified request, or 202 when an e-mail code was sent and awaits entry. People attest what
     * they checked; a filing service states, within its allow-list, that it checked its platform's signature or an
     * e-mail code it sent itself.
     */
    @POST
    @Path("/verification")
    @RolesAllowed({DPO, PRIVACY_OPERATOR, DSR_INTAKE})
    @Operation(summary = "Verify the requester (OPERATOR_ATTESTED, EMAIL_CODE: send then check, PLATFORM_SIGNED)")
    @APIResponse(responseCode = "200", description = "Verified: the request, now fanned out",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "202", description = "An e-mail code was sent; check it with a second call carrying the code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "403", description = "The caller's role, or a filing service's allow-list, does not allow this method")
    @APIResponse(responseCode = "404", description = "No such request (for a filing service: none that it filed)")
    @APIResponse(responseCode = "409", description = "The request is not awaiting verification, or the code is wrong, expired or used up")
    @APIResponse(responseCode = "503", description = "The mail server or the key provider is unavailable. Retry")
    public Uni<Response> verifyRequester(@PathParam("id") String id, @Valid @NotNull VerificationRequest request,
                                @HeaderParam("Idempotency-Key") @Pattern(regexp = RequestResource.IDEMPOTENCY_KEY,
                                        message = "must be 1-200 visible ASCII characters") String idempotencyKey) {
        boolean operator = Callers.isOperator(identity);
        if (!operator) {
            rights.checkVerification(Callers.clientId(identity), request.method());
        }
        return verification.verify(Params.uuid("id", id), request, idempotencyKey, Actors.of(identity), operator)
                .invoke(worker::kick)
                .map(result -> Response.status(result.codeSent() ? Response.Status.ACCEPTED : Response.Status.OK)
                        .entity(result.view()).build());
    }

    @POST
    @Path("/extension")
    @RolesAllowed(DPO)
    @Operation(summary = "Extend the deadline by 1 or 2 months, once, before the first deadline (Art. 12(3))")
    @APIResponse(responseCode = "200", description = "The request with its new dueAt")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "No such request (for a filing service: none that it filed)")
    @APIResponse(responseCode = "409", description = "Already extended, or past the first deadline, or closed")
    public Uni<RequestView> extendDeadline(@PathParam("id") String id, @Valid @NotNull ExtensionRequest request) {
        return extension.extend(Params.uuid("id", id), request, Actors.of(identity));
    }

    @POST
    @Path("/rejection")
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    @Operation(summary = "Refuse a request not yet in progress, with the reason told to the subject (Art. 12(4)-(6))")
    @APIResponse(responseCode = "200", description = "The rejected request")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "No such request (for a filing service: none that it filed)")
    @APIResponse(responseCode = "409", description = "The request is already in progress or closed")
    public Uni<RequestView> rejectRequest(@PathParam("id") String id, @Valid @NotNull RejectionRequest request) {
        return closing.reject(Params.uuid("id", id), request, Actors.of(identity));
    }

    @POST
    @Path("/retry")
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    @Operation(summary = "Send the request's failed tasks back to the worker")
    @APIResponse(responseCode = "200", description = "The request, its failed tasks queued again")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "No such request (for a filing service: none that it filed)")
    @APIResponse(responseCode = "409", description = "The request has no failed task")
    public Uni<RequestView> retryFailedTasks(@PathParam("id") String id) {
        return retry.retry(Params.uuid("id", id), Actors.of(identity)).invoke(worker::kick);
    }
}
