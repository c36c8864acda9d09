package io.privacygate.dsr.ui;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.dsr.api.CreateRequest;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.ui.ConsoleViews.Message;
import io.privacygate.dsr.ui.ConsoleViews.NewRequestForm;
import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.service.fanout.WorkerTrigger;
import io.privacygate.dsr.service.intake.IntakeService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/** Filing a request, as the API files it, with the signed-in person as actor. */
@Path("/console/new")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({DPO, PRIVACY_OPERATOR})
public class ConsoleNewRequestResource {
    /** Rectification carries corrected values per system: it is filed through the API. */
    static final List<RequestType> FILED_HERE = Arrays.stream(RequestType.values())
            .filter(t -> t != RequestType.RECTIFICATION).toList();

    private final IntakeService intake;
    private final WorkerTrigger worker;
    private final Validator validator;
    private final DsrConfig config;
    private final SecurityIdentity identity;

    ConsoleNewRequestResource(IntakeService intake, WorkerTrigger worker, Validator validator, DsrConfig config,
                              SecurityIdentity identity) {
        this.intake = intake;
        this.worker = worker;
        this.validator = validator;
        this.config = config;
        this.identity = identity;
    }

    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(identity);
    }

    @GET
    public Uni<Response> form() {
        NewRequestForm empty = new NewRequestForm("ACCESS", "email", "", "email", "", "email", "", "",
                UUID.randomUUID().toString());
        return ConsoleHtml.html(ConsolePages.newRequest(ConsoleUser.of(identity), empty, FILED_HERE,
                ConsoleForms.IDENTIFIER_TYPES, null));
    }

    /** Files a request as the API does; the form's one-time key makes a double submit file it once. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> file(@RestForm String type, @RestForm String identifierType, @RestForm String identifier,
                              @RestForm String identifierType2, @RestForm String identifier2, @RestForm String channel,
                              @RestForm String receivedOn, @RestForm String details, @RestForm String idempotencyKey) {
        ConsoleUser user = ConsoleUser.of(identity);
        NewRequestForm form = new NewRequestForm(type, identifierType, identifier, identifierType2, identifier2, channel,
                receivedOn, details, idempotencyKey);
        List<String> errors = new ArrayList<>();
        RequestType requestType = ConsoleForms.parse(type, RequestType.class, "Type", errors);
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
        CreateRequest body = new CreateRequest(requestType, identifiers, ConsoleForms.blankToNull(channel),
                ConsoleForms.blankToNull(details), receivedAt, null);
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
                .map(filed -> ConsoleHtml.seeRequest(filed.view().id(), "Request filed. Verify the requester's identity next."))
                .onFailure(RequestActions::told).recoverWithUni(failure ->
                        refused(user, form, ConsoleErrors.describe(failure), ConsoleErrors.status(failure)));
    }

    private Uni<Response> refused(ConsoleUser user, NewRequestForm form, String text, int status) {
        return ConsoleHtml.html(ConsolePages.newRequest(user, form, FILED_HERE, ConsoleForms.IDENTIFIER_TYPES,
                Message.error(text)), status == 0 ? 400 : status);
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
            errors.add("Identifier type: choose one of " + ConsoleForms.IDENTIFIER_TYPES + ".");
        }
    }
}
