package io.privacygate.dsr.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.dsr.api.ConsoleRecords.Art14Due;
import io.privacygate.dsr.client.ConsentOperatorApi;
import io.privacygate.dsr.ui.ConsoleViews.Art14Page;
import io.privacygate.dsr.ui.ConsoleViews.Art14Row;
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
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;
import static io.privacygate.dsr.ui.ConsoleForms.blankToNull;

/**
 * Art. 14(3)(a) in the console (#20 point 4): the people whose data came from a platform or an import and who must
 * be told within one month, as consent-service lists them ({@code GET /api/v1/subjects/art14-due}), nearest first,
 * and a button that records that one was informed, and how ({@code POST .../art14-informed}). consent-service owns the
 * clock and the record; the console calls it with the person's own token.
 */
@Path("/console/art14")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({DPO, PRIVACY_OPERATOR})
public class ConsoleArt14Resource {
    /** The windows offered: a week (the default), a fortnight, the whole month. */
    static final List<String> WINDOWS = List.of("P7D", "P14D", "P31D");
    private final ConsentOperatorApi consent;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    ConsoleArt14Resource(@RestClient ConsentOperatorApi consent, SecurityIdentity identity, ObjectMapper json) {
        this.consent = consent;
        this.identity = identity;
        this.json = json;
    }

    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(identity);
    }

    @GET
    public Uni<Response> page(@QueryParam("within") String within, @QueryParam("notice") String notice) {
        return render(window(within), Message.notice(notice), 200);
    }

    /** Records that the subject was given the Art. 14 information, when (empty: now) and by what means. */
    @POST
    @Path("/informed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> informed(@RestForm String subjectId, @RestForm String informedAt, @RestForm String means,
                                  @RestForm String within) {
        String window = window(within);
        List<String> errors = new ArrayList<>();
        UUID subject = ConsoleForms.uuid(subjectId);
        if (subject == null) {
            errors.add("No such subject.");
        }
        Instant at = ConsoleForms.utc(informedAt, "Informed", errors);
        if (blankToNull(means) == null) {
            errors.add("Means: how the information was given (e.g. a reply to the comment, an e-mail).");
        }
        if (!errors.isEmpty()) {
            return render(window, Message.error("Not recorded. " + String.join(" ", errors)), 400);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("informedAt", at == null ? Instant.now() : at);
        body.put("means", means.strip());
        return consent.art14Informed(subject, body)
                .map(done -> Response.seeOther(URI.create("/console/art14?within=" + window + "&notice=" + URLEncoder.encode(
                        "Recorded: subject " + subject.toString().substring(0, 8) + " was informed (Art. 14).",
                        StandardCharsets.UTF_8))).build())
                .onFailure().recoverWithUni(failure -> render(window, Message.error("Not recorded. "
                        + ConsoleErrors.describe(failure)), ConsoleErrors.status(failure) == 0 ? 502
                        : ConsoleErrors.status(failure)));
    }

    private Uni<Response> render(String window, Message message, int status) {
        ConsoleUser user = ConsoleUser.of(identity);
        Instant now = Instant.now();
        return consent.art14Due(window).map(this::items)
                .map(due -> new Art14Page(due.stream().map(d -> new Art14Row(d, now)).toList(), window, WINDOWS, message))
                .chain(page -> ConsoleHtml.html(ConsolePages.art14(user, page), status))
                .onFailure().recoverWithUni(failure -> ConsoleHtml.html(ConsolePages.art14(user, new Art14Page(List.of(),
                        window, WINDOWS, Message.error("consent-service could not list them. "
                        + ConsoleErrors.describe(failure)))), 502));
    }

    /** The list as consent-service answers it: a JSON array, or a page whose {@code items} hold it. */
    private List<Art14Due> items(JsonNode answer) {
        JsonNode items = answer.isArray() ? answer : answer.path("items");
        List<Art14Due> due = new ArrayList<>();
        items.forEach(item -> due.add(json.convertValue(item, Art14Due.class)));
        return due;
    }

    /** One of the offered windows, or any other ISO-8601 period; the default otherwise. */
    static String window(String within) {
        String given = blankToNull(within);
        if (given == null) {
            return WINDOWS.getFirst();
        }
        try {
            Period period = Period.parse(given);
            return period.isNegative() ? WINDOWS.getFirst() : period.toString();
        } catch (DateTimeParseException e) {
            return WINDOWS.getFirst();
        }
    }
}
