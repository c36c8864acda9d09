package io.privacygate.dsr.ui;

import io.privacygate.dsr.client.AuditApi;
import io.privacygate.dsr.ui.ConsoleViews.BreachRow;
import io.privacygate.dsr.ui.ConsoleViews.BreachesPage;
import io.privacygate.dsr.ui.ConsoleViews.Message;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.privacygate.dsr.ui.ConsoleForms.blankToNull;
import static io.privacygate.commons.security.Roles.AUDITOR;
import static io.privacygate.commons.security.Roles.DPO;

/**
 * Art. 33-34 in the console: audit-service's open alerts and its breach register with each 72-hour clock. The DPO
 * acknowledges an alert (no breach) or escalates it to the register, records a breach found otherwise, and records
 * the notification of the supervisory authority (Art. 33(1)) and of the subjects, or the Art. 34(3) exemption.
 * Auditors read. Everything goes through audit-service's API with the person's own token, so audit-service applies
 * and audits that person's roles; its refusals (a late notification without reasons, say) are shown as it words them.
 */
@Path("/console/breaches")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({DPO, AUDITOR})
public class ConsoleBreachResource {
    private static final int ALERTS = 100;
    private static final int BREACHES = 100;
    private final AuditApi audit;
    private final SecurityIdentity identity;

    ConsoleBreachResource(@RestClient AuditApi audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(identity);
    }

    @GET
    public Uni<Response> page(@QueryParam("notice") String notice) {
        return render(Message.notice(notice), 200);
    }

    @POST
    @Path("/alert/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(DPO)
    public Uni<Response> acknowledge(@RestForm String alertId) {
        UUID id = ConsoleForms.uuid(alertId);
        return act(id == null ? List.of("No such alert.") : List.of(),
                () -> audit.acknowledge(id).map(alert -> "Alert " + short8(alert.id()) + " acknowledged: no breach."));
    }

    /** The alert becomes a breach in the register; the DPO states its risk (Art. 33(1), 34(1)). */
    @POST
    @Path("/alert/escalation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(DPO)
    public Uni<Response> escalate(@RestForm String alertId, @RestForm String risk) {
        UUID id = ConsoleForms.uuid(alertId);
        List<String> errors = new ArrayList<>();
        if (id == null) {
            errors.add("No such alert.");
        }
        Map<String, Object> corrections = new LinkedHashMap<>();
        if (blankToNull(risk) != null) {
            corrections.put("risk", ConsoleForms.parse(risk, Risk.class, "Risk", errors));
        }
        return act(errors, () -> audit.escalate(id, corrections)
                .map(breach -> "Alert escalated to breach " + short8(breach.id()) + "; its 72-hour clock runs from "
                        + ConsoleViews.time(breach.awareAt()) + "."));
    }

    /** A breach found otherwise than by an alert (Art. 33(3) facts; more may follow, Art. 33(4)). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(DPO)
    public Uni<Response> record(@RestForm String nature, @RestForm String risk, @RestForm String awareAt,
                                @RestForm String occurredAt, @RestForm String dataCategories,
                                @RestForm String subjectCategories, @RestForm String approxSubjects,
                                @RestForm String approxRecords, @RestForm String consequences, @RestForm String measures) {
        List<String> errors = new ArrayList<>();
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("nature", blankToNull(nature));
        draft.put("risk", ConsoleForms.parse(risk, Risk.class, "Risk", errors));
        draft.put("awareAt", ConsoleForms.utc(awareAt, "Aware since", errors));
        draft.put("occurredAt", ConsoleForms.utc(occurredAt, "Occurred", errors));
        draft.put("dataCategories", ConsoleForms.list(dataCategories));
        draft.put("subjectCategories", ConsoleForms.list(subjectCategories));
        draft.put("approxSubjects", ConsoleForms.count(approxSubjects, "Subjects affected", errors));
        draft.put("approxRecords", ConsoleForms.count(approxRecords, "Records affected", errors));
        draft.put("consequences", blankToNull(consequences));
        draft.put("measures", blankToNull(measures));
        if (draft.get("nature") == null) {
            errors.add("Nature: describe the breach.");
        }
        if (draft.get("awareAt") == null && errors.stream().noneMatch(e -> e.startsWith("Aware since"))) {
            errors.add("Aware since: when the controller became aware of it (the 72-hour clock starts then).");
        }
        return act(errors, () -> audit.recordBreach(draft).map(breach -> "Breach " + short8(breach.id())
                + " recorded; notify the authority by " + ConsoleViews.time(breach.authorityNotification().deadline())
                + (breach.authorityNotification().required() ? "." : " if the risk turns out to be more than unlikely.")));
    }

    /** Art. 33(1): the authority was notified; after 72 hours the reasons for the delay are required. */
    @POST
    @Path("/authority-notification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(DPO)
    public Uni<Response> authorityNotified(@RestForm String breachId, @RestForm String notifiedAt,
                                           @RestForm String authority, @RestForm String reference,
                                           @RestForm String lateReasons) {
        UUID id = ConsoleForms.uuid(breachId);
        List<String> errors = new ArrayList<>();
        if (id == null) {
            errors.add("No such breach.");
        }
        Map<String, Object> notice = new LinkedHashMap<>();
        Instant at = ConsoleForms.utc(notifiedAt, "Notified", errors);
        notice.put("notifiedAt", at == null ? Instant.now() : at);
        notice.put("authority", blankToNull(authority));
        notice.put("reference", blankToNull(reference));
        notice.put("lateReasons", blankToNull(lateReasons));
        return act(errors, () -> audit.authorityNotified(id, notice).map(breach -> "Notification of the authority "
                + "recorded for breach " + short8(breach.id())
                + (Boolean.TRUE.equals(breach.authorityNotification().late()) ? " (after 72 hours, with the reasons)." : ".")));
    }

    /** Art. 34: the subjects were told (how), or an Art. 34(3) exemption applies (why). */
    @POST
    @Path("/subject-notification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(DPO)
    public Uni<Response> subjectsNotified(@RestForm String breachId, @RestForm String notifiedAt, @RestForm String method,
                                          @RestForm String exemption, @RestForm String explanation) {
        UUID id = ConsoleForms.uuid(breachId);
        List<String> errors = new ArrayList<>();
        if (id == null) {
            errors.add("No such breach.");
        }
        Map<String, Object> notice = new LinkedHashMap<>();
        if (blankToNull(exemption) != null) {
            notice.put("exemption", ConsoleForms.parse(exemption, Exemption.class, "Exemption", errors));
            notice.put("explanation", blankToNull(explanation));
            notice.put("method", blankToNull(method));
        } else {
            Instant at = ConsoleForms.utc(notifiedAt, "Told", errors);
            notice.put("notifiedAt", at == null ? Instant.now() : at);
            notice.put("method", blankToNull(method));
        }
        return act(errors, () -> audit.subjectsNotified(id, notice).map(breach -> "Communication to the subjects "
                + "recorded for breach " + short8(breach.id()) + "."));
    }

    /** Art. 33(1) and 34(1) as audit-service's register knows them. */
    enum Risk { UNLIKELY, RISK, HIGH }

    /** Art. 34(3)(a)-(c). */
    enum Exemption { DATA_UNINTELLIGIBLE, RISK_NO_LONGER_LIKELY, DISPROPORTIONATE_EFFORT }

    /** Runs the action unless the form was refused here, then shows the page again with what happened. */
    private Uni<Response> act(List<String> errors, Supplier<Uni<String>> action) {
        if (!errors.isEmpty()) {
            return render(Message.error("Not recorded. " + String.join(" ", errors)), 400);
        }
        return action.get()
                .map(done -> Response.seeOther(URI.create("/console/breaches?notice="
                        + URLEncoder.encode(done, StandardCharsets.UTF_8))).build())
                .onFailure().recoverWithUni(failure -> render(Message.error("Not recorded. "
                        + ConsoleErrors.describe(failure)), ConsoleErrors.status(failure) == 0 ? 502
                        : ConsoleErrors.status(failure)));
    }

    private Uni<Response> render(Message message, int status) {
        ConsoleUser user = ConsoleUser.of(identity);
        Instant now = Instant.now();
        return audit.alerts("OPEN", 0, ALERTS).map(page -> page.items())
                .chain(alerts -> audit.breaches(0, BREACHES).map(page -> new BreachesPage(alerts,
                        page.items().stream().map(b -> new BreachRow(b, now)).toList(), message, page.total())))
                .chain(page -> ConsoleHtml.html(ConsolePages.breaches(user, page), status))
                .onFailure().recoverWithUni(failure -> ConsoleHtml.html(ConsolePages.breaches(user,
                        new BreachesPage(List.of(), List.of(), Message.error("audit-service is not available. "
                                + ConsoleErrors.describe(failure)), 0)), 502));
    }

    private static String short8(UUID id) {
        return id == null ? "" : id.toString().substring(0, 8);
    }

    static List<String> risks() {
        return Arrays.stream(Risk.values()).map(Enum::name).toList();
    }

    static List<String> exemptions() {
        return Arrays.stream(Exemption.values()).map(Enum::name).toList();
    }
}
