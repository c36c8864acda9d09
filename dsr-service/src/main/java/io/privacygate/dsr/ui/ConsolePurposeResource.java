package io.privacygate.dsr.ui;

import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.dsr.api.ConsoleRecords;
import io.privacygate.dsr.client.ConsentOperatorApi;
import io.privacygate.dsr.ui.ConsoleViews.Message;
import io.privacygate.dsr.ui.ConsoleViews.PurposeForm;
import io.privacygate.dsr.ui.ConsoleViews.PurposesPage;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.privacygate.commons.security.Roles.DPO;

/**
 * The register of processing activities (Art. 30), for the DPO: the purposes in force, a new purpose or a new
 * version of one (consent-service keeps the old versions), and the register as CSV. All through consent-service's
 * API with the DPO's own token.
 */
@Path("/console/purposes")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(DPO)
public class ConsolePurposeResource {
    private static final int PAGE = 500;
    private static final List<String> LEGAL_BASES = Arrays.stream(LegalBasis.values()).map(Enum::name).toList();
    private final ConsentOperatorApi consent;
    private final SecurityIdentity identity;

    ConsolePurposeResource(@RestClient ConsentOperatorApi consent, SecurityIdentity identity) {
        this.consent = consent;
        this.identity = identity;
    }

    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(identity);
    }

    @GET
    public Uni<Response> list(@QueryParam("notice") String notice, @QueryParam("edit") String edit) {
        ConsoleUser user = ConsoleUser.of(identity);
        return purposes(user).chain(found -> {
            PurposeForm form = found.stream().filter(p -> p.key().equals(edit)).findFirst()
                    .map(ConsolePurposeResource::formOf).orElse(PurposeForm.empty());
            return page(user, new PurposesPage(found, Message.notice(notice), form, LEGAL_BASES), 200);
        }).onFailure().recoverWithUni(failure -> page(user, new PurposesPage(List.of(),
                Message.error(ConsoleErrors.describe(failure)), PurposeForm.empty(), LEGAL_BASES), 502));
    }

    /** Saves the form: a new purpose, or a new version of the purpose with that key. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@RestForm String key, @RestForm String title, @RestForm String description,
                              @RestForm String legalBasis, @RestForm String dataCategories, @RestForm String retention,
                              @RestForm String recipients, @RestForm String channels, @RestForm String noticeUrl,
                              @RestForm String noticeVersion, @RestForm String noticeHash, @RestForm String gpcApplies) {
        ConsoleUser user = ConsoleUser.of(identity);
        PurposeForm form = new PurposeForm(trim(key), trim(title), trim(description), trim(legalBasis),
                trim(dataCategories), trim(retention), trim(recipients), trim(channels), trim(noticeUrl),
                trim(noticeVersion), trim(noticeHash), gpcApplies != null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", form.key());
        body.put("title", form.title());
        body.put("description", blankToNull(form.description()));
        body.put("legalBasis", form.legalBasis());
        body.put("dataCategories", list(form.dataCategories()));
        body.put("retention", form.retention());
        body.put("recipients", list(form.recipients()));
        body.put("channels", list(form.channels()));
        body.put("noticeUrl", blankToNull(form.noticeUrl()));
        body.put("noticeVersion", blankToNull(form.noticeVersion()));
        body.put("noticeHash", blankToNull(form.noticeHash()));
        body.put("gpcApplies", form.gpcApplies());
        return purposes(user)
                .chain(found -> found.stream().anyMatch(p -> p.key().equals(form.key()))
                        ? consent.newVersion(form.key(), body)
                        : consent.createPurpose(body))
                .map(saved -> Response.seeOther(URI.create("/console/purposes?notice=" + URLEncoder.encode(
                        "Saved " + saved.key() + " version " + saved.version() + ".", StandardCharsets.UTF_8))).build())
                .onFailure().recoverWithUni(failure -> purposes(user).onFailure().recoverWithItem(List.of())
                        .chain(found -> page(user, new PurposesPage(found,
                                Message.error("Not saved. " + ConsoleErrors.describe(failure)), form, LEGAL_BASES),
                                ConsoleErrors.status(failure) == 0 ? 502 : ConsoleErrors.status(failure))));
    }

    /** The Art. 30 record of processing activities, as consent-service renders it in CSV. */
    @GET
    @Path("/ropa.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Uni<Response> ropa() {
        return consent.ropaCsv()
                .map(csv -> Response.ok(csv, "text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"ropa.csv\"").build())
                .onFailure().recoverWithUni(failure -> ConsoleErrors.page(identity, 502, "The register is not available",
                        ConsoleErrors.describe(failure)));
    }

    private Uni<List<ConsoleRecords.Purpose>> purposes(ConsoleUser user) {
        return consent.purposes(0, PAGE).map(page -> page.items());
    }

    private Uni<Response> page(ConsoleUser user, PurposesPage page, int status) {
        return ConsolePages.purposes(user, page).createUni()
                .map(html -> Response.status(status).entity(html).type(MediaType.TEXT_HTML).build());
    }

    private static PurposeForm formOf(ConsoleRecords.Purpose p) {
        return new PurposeForm(p.key(), p.title(), p.description() == null ? "" : p.description(), p.legalBasis(),
                String.join(", ", p.dataCategories()), p.retention(), String.join(", ", p.recipients()),
                String.join(", ", p.channels()), p.noticeUrl() == null ? "" : p.noticeUrl(),
                p.noticeVersion() == null ? "" : p.noticeVersion(), p.noticeHash() == null ? "" : p.noticeHash(),
                p.gpcApplies());
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
