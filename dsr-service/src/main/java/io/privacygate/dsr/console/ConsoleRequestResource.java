package io.privacygate.dsr.console;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.dsr.api.CreateRequest;
import io.privacygate.dsr.api.ExtensionRequest;
import io.privacygate.dsr.api.RejectionRequest;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.api.VerificationRequest;
import io.privacygate.dsr.client.AuditApi;
import io.privacygate.dsr.client.ConsoleRecords;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.console.ConsoleViews.Message;
import io.privacygate.dsr.console.ConsoleViews.NewRequestForm;
import io.privacygate.dsr.console.ConsoleViews.QueuePage;
import io.privacygate.dsr.console.ConsoleViews.QueueRow;
import io.privacygate.dsr.console.ConsoleViews.RequestPage;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.model.VerificationMethod;
import io.privacygate.dsr.service.ClosingService;
import io.privacygate.dsr.service.ExportService;
import io.privacygate.dsr.service.ExtensionService;
import io.privacygate.dsr.service.IntakeService;
import io.privacygate.dsr.service.RequestQueries;
import io.privacygate.dsr.service.RetryService;
import io.privacygate.dsr.service.VerificationService;
import io.privacygate.dsr.service.WorkerTrigger;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.privacygate.commons.security.Roles.AUDITOR;
import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/**
 * The request pages of the console: the queue, filing, one request and what operators do to it. Thin: every
 * action is the same service call the API makes, with the signed-in person as actor.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleRequestResource {
    /** Rectification carries corrected values per system: it is filed through the API. */
    static final List<RequestType> FILED_HERE = Arrays.stream(RequestType.values())
            .filter(t -> t != RequestType.RECTIFICATION).toList();
    static final List<String> IDENTIFIER_TYPES = Arrays.stream(IdentifierType.values()).map(IdentifierType::wireName).toList();

    private final RequestQueries queries;
    private final IntakeService intake;
    private final VerificationService verification;
    private final ExtensionService extension;
    private final ClosingService closing;
    private final RetryService retry;
    private final ExportService exports;
    private final WorkerTrigger worker;
    private final AuditApi audit;
    private final Validator validator;
    private final DsrConfig config;
    private final SecurityIdentity identity;

    ConsoleRequestResource(RequestQueries queries, IntakeService intake, VerificationService verification,
                           ExtensionService extension, ClosingService closing, RetryService retry, ExportService exports,
                           WorkerTrigger worker, @RestClient AuditApi audit, Validator validator, DsrConfig config,
                           SecurityIdentity identity) {
        this.queries = queries;
        this.intake = intake;
        this.verification = verification;
        this.extension = extension;
        this.closing = closing;
        this.retry = retry;
        this.exports = exports;
        this.worker = worker;
        this.audit = audit;
        this.validator = validator;
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
        RequestType chosenType = choice(type, RequestType.class);
        RequestStatus chosenStatus = choice(status, RequestStatus.class);
        int size = config.console().pageSize();
        PageRequest request = PageRequest.of(Math.max(0, number(page)), size);
        Instant now = Instant.now();
        return queries.queue(chosenType, chosenStatus, request).chain(found -> {
            List<QueueRow> rows = found.items().stream()
                    .map(s -> QueueRow.of(s, config.deadline().zone(), now)).toList();
            int pages = (int) Math.max(1, (found.total() + size - 1) / size);
            QueuePage queue = new QueuePage(rows, found.total(), request.page(), pages, chosenType, chosenStatus,
                    Arrays.asList(RequestType.values()), Arrays.asList(RequestStatus.values()),
                    rows.stream().filter(r -> r.request().overdue()).count());
            return html(ConsolePages.queue(user, queue));
        });
    }

    @GET
    @Path("/new")
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    public Uni<Response> newRequest() {
        NewRequestForm empty = new NewRequestForm("ACCESS", "email", "", "email", "", "email", "", "",
                UUID.randomUUID().toString());
        return html(ConsolePages.newRequest(ConsoleUser.of(identity), empty, FILED_HERE, IDENTIFIER_TYPES, null));
    }

    /** Files a request as the API does; the form's one-time key makes a double submit file it once. */
    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    public Uni<Response> file(@RestForm String type, @RestForm String identifierType, @RestForm String identifier,
                              @RestForm String identifierType2, @RestForm String identifier2, @RestForm String channel,
                              @RestForm String receivedOn, @RestForm String details, @RestForm String idempotencyKey) {
        ConsoleUser user = ConsoleUser.of(identity);
        NewRequestForm form = new NewRequestForm(type, identifierType, identifier, identifierType2, identifier2, channel,
                receivedOn, details, idempotencyKey);
        List<String> errors = new ArrayList<>();
        RequestType requestType = parse(type, RequestType.class, "Type", errors);
        List<Identifier> identifiers = new ArrayList<>();
        addIdentifier(identifierType, identifier, identifiers, errors, true);
        addIdentifier(identifierType2, identifier2, identifiers, errors, false);
        Instant receivedAt = null;
        if (receivedOn != null && !receivedOn.isBlank()) {
            try {
                LocalDate day = LocalDate.parse(receivedOn.trim());
                receivedAt = day.equals(LocalDate.now(config.deadline().zone())) ? null
                        : day.atStartOfDay(config.deadline().zone()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add("Received on: give a date as YYYY-MM-DD.");
            }
        }
        CreateRequest body = new CreateRequest(requestType, identifiers, blankToNull(channel), blankToNull(details),
                receivedAt, null);
        if (errors.isEmpty()) {
            for (ConstraintViolation<CreateRequest> violation : validator.validate(body)) {
                errors.add(violation.getPropertyPath() + " " + violation.getMessage() + ".");
            }
        }
        if (!errors.isEmpty()) {
            return refused(user, form, String.join(" ", errors), 400);
        }
        String key = idempotencyKey == null || !idempotencyKey.matches("[\\x21-\\x7e]{1,200}") ? null : "console:" + idempotencyKey;
        return intake.file(body, key, user.actor(), true)
                .invoke(worker::kick)
                .map(filed -> seeOther(filed.view().id(), "Request filed. Verify the requester's identity next."))
                .onFailure(ConsoleRequestResource::told).recoverWithUni(failure ->
                        refused(user, form, ConsoleErrors.describe(failure), ConsoleErrors.status(failure)));
    }

    private Uni<Response> refused(ConsoleUser user, NewRequestForm form, String text, int status) {
        return ConsolePages.newRequest(user, form, FILED_HERE, IDENTIFIER_TYPES, Message.error(text)).createUni()
                .map(html -> Response.status(status == 0 ? 400 : status).entity(html).type(MediaType.TEXT_HTML).build());
    }

    /** One request in full (its identifiers are shown to the operator, and that view is audited). */
    @GET
    @Path("/request")
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    public Uni<Response> request(@QueryParam("id") String id, @QueryParam("notice") String notice) {
        UUID requestId = uuid(id);
        if (requestId == null) {
            return ConsoleErrors.page(identity, 404, "No such request", "There is no request with that id.");
        }
        return detail(requestId, Message.notice(notice), 200);
    }

    private Uni<Response> detail(UUID id, Message message, int status) {
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
                    return ConsolePages.request(user, page).createUni()
                            .map(html -> Response.status(status).entity(html).type(MediaType.TEXT_HTML).build());
                }))
                .onFailure(e -> ConsoleErrors.status(e) == 404)
                .recoverWithUni(() -> ConsoleErrors.page(identity, 404, "No such request", "There is no request with that id."));
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

    @POST
    @Path("/request/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    public Uni<Response> verify(@RestForm String id, @RestForm String method, @RestForm String evidence,
                                @RestForm String code) {
        UUID requestId = uuid(id);
        VerificationMethod chosen = "EMAIL_CODE".equals(method) ? VerificationMethod.EMAIL_CODE : VerificationMethod.OPERATOR_ATTESTED;
        VerificationRequest body = new VerificationRequest(chosen, blankToNull(evidence), blankToNull(code));
        return act(requestId, () -> verification.verify(requestId, body, null, ConsoleUser.of(identity).actor(), true)
                .invoke(worker::kick)
                .map(result -> result.codeSent()
                        ? "A code was e-mailed to the requester's address. Enter it when they give it to you."
                        : "Identity verified. The systems are being asked now."));
    }

    @POST
    @Path("/request/extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(DPO)
    public Uni<Response> extend(@RestForm String id, @RestForm String reason, @RestForm String months) {
        UUID requestId = uuid(id);
        ExtensionRequest body = new ExtensionRequest(reason == null ? "" : reason, "1".equals(months) ? 1 : 2);
        return act(requestId, () -> {
            check(body);
            return extension.extend(requestId, body, ConsoleUser.of(identity).actor())
                    .map(view -> "Deadline extended to " + ConsoleViews.time(view.dueAt()) + ". Tell the requester why.");
        });
    }

    @POST
    @Path("/request/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    public Uni<Response> reject(@RestForm String id, @RestForm String reason) {
        UUID requestId = uuid(id);
        RejectionRequest body = new RejectionRequest(reason == null ? "" : reason);
        return act(requestId, () -> {
            check(body);
            return closing.reject(requestId, body, ConsoleUser.of(identity).actor()).map(view -> "Request refused.");
        });
    }

    @POST
    @Path("/request/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    public Uni<Response> retry(@RestForm String id) {
        UUID requestId = uuid(id);
        return act(requestId, () -> retry.retry(requestId, ConsoleUser.of(identity).actor()).invoke(worker::kick)
                .map(view -> "Failed tasks sent back to the worker."));
    }

    /** The Art. 15/20 package, as the API hands it out (audited as a download by this person). */
    @GET
    @Path("/request/export")
    @Produces({"application/zip", MediaType.TEXT_HTML})
    @RolesAllowed({DPO, PRIVACY_OPERATOR})
    public Uni<Response> export(@QueryParam("id") String id) {
        UUID requestId = uuid(id);
        if (requestId == null) {
            return ConsoleErrors.page(identity, 404, "No such request", "There is no request with that id.");
        }
        return exports.download(requestId, ConsoleUser.of(identity).actor(), true)
                .map(download -> Response.ok(download.zip(), "application/zip")
                        .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                        .header("Cache-Control", "no-store")
                        .build())
                .onFailure(ConsoleRequestResource::told)
                .recoverWithUni(failure -> detail(requestId, Message.error(ConsoleErrors.describe(failure)),
                        ConsoleErrors.status(failure)));
    }

    /** Runs an action; success goes back to the request (post/redirect/get), a refusal shows it on the request. */
    private Uni<Response> act(UUID id, java.util.function.Supplier<Uni<String>> action) {
        if (id == null) {
            return ConsoleErrors.page(identity, 404, "No such request", "There is no request with that id.");
        }
        return Uni.createFrom().<String>deferred(action::get)
                .map(notice -> seeOther(id, notice))
                .onFailure(ConsoleRequestResource::told)
                .recoverWithUni(failure -> detail(id, Message.error(ConsoleErrors.describe(failure)),
                        ConsoleErrors.status(failure)));
    }

    private static boolean told(Throwable failure) {
        return failure instanceof ProblemException;
    }

    private <T> void check(T body) {
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.iterator().next();
            throw ProblemException.invalidField(first.getPropertyPath().toString(), first.getMessage());
        }
    }

    private static Response seeOther(UUID id, String notice) {
        return Response.seeOther(URI.create("/console/request?id=" + id + "&notice="
                + java.net.URLEncoder.encode(notice, java.nio.charset.StandardCharsets.UTF_8))).build();
    }

    static Uni<Response> html(TemplateInstance page) {
        return page.createUni().map(html -> Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build());
    }

    private static void addIdentifier(String type, String value, List<Identifier> into, List<String> errors,
                                      boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add("Identifier: give at least one (an e-mail address, a phone number, a platform user id).");
            }
            return;
        }
        try {
            into.add(new Identifier(IdentifierType.fromWire(type), value.strip()));
        } catch (RuntimeException e) {
            errors.add("Identifier type: choose one of " + IDENTIFIER_TYPES + ".");
        }
    }

    static <E extends Enum<E>> E choice(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(String value, Class<E> type, String label, List<String> errors) {
        E parsed = choice(value, type);
        if (parsed == null) {
            errors.add(label + ": choose one of " + Arrays.toString(type.getEnumConstants()) + ".");
        }
        return parsed;
    }

    static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
