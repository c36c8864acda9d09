package io.privacygate.consent.ui;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.privacygate.consent.service.privacycenter.PrivacyCenterService;
import io.privacygate.consent.service.privacycenter.PrivacyMessages;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Data subject requests filed from the privacy center in dsr-service for the verified address, and the package of a
 * completed access or portability request filed here.
 */
@Path("/privacy/me/requests")
@PermitAll
@PrivacyPage
public class RequestsResource {
    private final Visits visits;
    private final Pages pages;
    private final PageRenderer renderer;
    private final PrivacyCenterService center;

    RequestsResource(Visits visits, Pages pages, PageRenderer renderer, PrivacyCenterService center) {
        this.visits = visits;
        this.pages = pages;
        this.renderer = renderer;
        this.center = center;
    }

    /** A resubmitted form (same form key) files nothing twice: the key makes dsr-service's Idempotency-Key. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> file(@CookieParam(PrivacySessions.COOKIE) String cookie, @RestForm String csrf, @RestForm String type,
                              @RestForm String details, @RestForm String correctedEmail, @RestForm String formKey,
                              @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                              @Context HttpServerRequest request) {
        return visits.verifiedForm(cookie, csrf, acceptLanguage, gpc, request, visit -> {
            String key = formKey != null && formKey.matches("[A-Za-z0-9-]{8,64}") ? formKey : UUID.randomUUID().toString();
            return Uni.createFrom().deferred(() -> center.file(visit.session().email(), type, details, correctedEmail, key,
                            visit.session().verifiedAt()))
                    .chain(id -> renderer.redirect(visit, "/privacy/me?filed=" + id + "#requests"))
                    .onFailure(e -> e instanceof ProblemException p && p.type() == ProblemType.VALIDATION)
                    .recoverWithUni(failure -> pages.me(visit, 400, null, null, error(failure)))
                    .onFailure().recoverWithUni(failure -> renderer.failed(visit, failure));
        });
    }

    @GET
    @Path("/{id}/export")
    public Uni<Response> export(@CookieParam(PrivacySessions.COOKIE) String cookie, @PathParam("id") String requestId,
                                @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                                @Context HttpServerRequest request) {
        return visits.verifiedPage(cookie, null, acceptLanguage, gpc, request, visit -> {
            Optional<UUID> id = Pages.uuid(requestId);
            if (id.isEmpty()) {
                return renderer.message(visit, 404, PrivacyMessages::notfoundTitle, PrivacyMessages::notfoundText);
            }
            return center.export(visit.session().email(), id.get()).chain(export -> {
                if (export == null) {
                    return renderer.message(visit, 404, PrivacyMessages::noexportTitle, PrivacyMessages::noexportText);
                }
                Response.ResponseBuilder ok = Response.ok(export.zip(), "application/zip").header("Content-Disposition",
                        export.contentDisposition() != null ? export.contentDisposition()
                                : "attachment; filename=\"privacy-export-" + id.get() + ".zip\"");
                if (export.digest() != null) {
                    ok.header("Repr-Digest", export.digest());
                }
                return Uni.createFrom().item(ok.build());
            }).onFailure().recoverWithUni(failure -> renderer.failed(visit, failure));
        });
    }

    /** The error for the form field a refused request names, so that the page says what to correct. */
    private static Function<PrivacyMessages, String> error(Throwable failure) {
        String field = "type";
        if (failure instanceof ProblemException problem) {
            var errors = problem.toProblem().errors();
            if (errors != null && !errors.isEmpty()) {
                field = errors.get(0).field();
            }
        }
        return switch (field) {
            case "correctedEmail" -> PrivacyMessages::errorRequestCorrectedEmail;
            case "email" -> PrivacyMessages::errorRequestEmail;
            case "details" -> PrivacyMessages::errorRequestDetails;
            default -> PrivacyMessages::errorRequestType;
        };
    }
}
