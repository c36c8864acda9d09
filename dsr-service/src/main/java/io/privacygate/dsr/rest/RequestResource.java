package io.privacygate.dsr.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.commons.web.Params;
import io.privacygate.dsr.api.CreateRequest;
import io.privacygate.dsr.api.RequestSummary;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.api.SearchRequest;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.repository.DsrRequestRepository.RequestFilter;
import io.privacygate.dsr.service.RequestQueries;
import io.privacygate.dsr.service.fanout.WorkerTrigger;
import io.privacygate.dsr.service.intake.IntakeRights;
import io.privacygate.dsr.service.intake.IntakeService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.DSR_INTAKE;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

@Path("/api/v1/requests")
public class RequestResource {
    /** An {@code Idempotency-Key} header: what a retrying caller sends again. */
    static final String IDEMPOTENCY_KEY = "[\\x21-\\x7e]{1,200}";
    private final IntakeService intake;
    private final IntakeRights rights;
    private final RequestQueries queries;
    private final WorkerTrigger worker;
    private final SecurityIdentity identity;
    private final DsrConfig config;

    RequestResource(IntakeService intake, IntakeRights rights, RequestQueries queries, WorkerTrigger worker,
                    SecurityIdentity identity, DsrConfig config) {
        this.intake = intake;
        this.rights = rights;
        this.queries = queries;
        this.worker = worker;
        this.identity = identity;
        this.config = config;
    }

    @POST
    @RolesAllowed({DPO, PRIVACY_OPERATOR, DSR_INTAKE})
    @Operation(summary = "File a request; the deadline runs from receivedAt (default now). Unknown people get \"no data held\". "
            + "A repeated Idempotency-Key answers 200 with the request first created.")
    @APIResponse(responseCode = "201", description = "Filed: the request with its id, receivedAt, dueAt and status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "200", description = "The same Idempotency-Key was filed before: that request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "403", description = "The caller's role, or a filing service's allow-list, does not allow this request type, identifier type or verification; nothing was stored")
    @APIResponse(responseCode = "503", description = "The key provider is unavailable; nothing was stored. Retry")
    public Uni<Response> fileRequest(@Valid @NotNull CreateRequest request,
                              @HeaderParam("Idempotency-Key") @Pattern(regexp = IDEMPOTENCY_KEY,
                                      message = "must be 1-200 visible ASCII characters") String idempotencyKey) {
        if (!Callers.isOperator(identity)) {
            rights.checkFiling(Callers.clientId(identity), request);
        }
        return intake.file(request, idempotencyKey, Actors.of(identity), Callers.isOperator(identity))
                .invoke(worker::kick)
                .map(filed -> filed.created()
                        ? Response.created(URI.create("/api/v1/requests/" + filed.view().id())).entity(filed.view()).build()
                        : Response.ok(filed.view()).build());
    }

    @GET
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    @Operation(summary = "Requests, newest first, without identifiers; closed-unverified ones only when asked for")
    @APIResponse(responseCode = "200", description = "A page of requests")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    public Uni<Page<RequestSummary>> listRequests(@QueryParam("status") String status, @QueryParam("type") String type,
                                          @QueryParam("dueBefore") String dueBefore, @QueryParam("overdue") String overdue,
                                          @QueryParam("subjectId") String subjectId,
                                          @QueryParam("includeClosedUnverified") String includeClosedUnverified,
                                          @QueryParam("page") String page, @QueryParam("size") String size) {
        RequestFilter filter = new RequestFilter(
                Params.optionalEnum("status", status, RequestStatus.class),
                Params.optionalEnum("type", type, RequestType.class),
                Params.optionalInstant("dueBefore", dueBefore, config.deadline().zone()),
                Params.optionalBoolean("overdue", overdue),
                subjectId == null || subjectId.isBlank() ? null : Params.uuid("subjectId", subjectId),
                Params.optionalBoolean("includeClosedUnverified", includeClosedUnverified),
                Instant.now());
        return queries.list(filter, PageRequest.of(Params.optionalInt("page", page), Params.optionalInt("size", size)));
    }

    @POST
    @Path("/search")
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    @Operation(summary = "The requests filed with any of these identifiers (found by blind index)")
    @APIResponse(responseCode = "200", description = "The matching requests, newest first")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "503", description = "The key provider is unavailable. Retry")
    public Uni<List<RequestSummary>> searchRequests(@Valid @NotNull SearchRequest request) {
        return queries.byIdentifiers(request.identifiers());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({DPO, PRIVACY_OPERATOR, DSR_INTAKE})
    @Operation(summary = "One request: operators see its identifiers and free text, a filing service its state")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "No such request (for a filing service: none that it filed)")
    public Uni<RequestView> getRequest(@PathParam("id") String id) {
        if (!Callers.isOperator(identity)) {
            rights.checkReading(Callers.clientId(identity));
        }
        return queries.get(Params.uuid("id", id), Callers.isOperator(identity), Actors.of(identity));
    }
}
