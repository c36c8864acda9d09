package io.privacygate.consent.ui;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.privacygate.consent.api.PurposeRequest;
import io.privacygate.consent.model.ConsentState;
import io.privacygate.consent.service.privacycenter.PrivacyCenterService;
import io.privacygate.consent.service.privacycenter.PrivacyMessages;
import io.privacygate.consent.service.receipts.ReceiptService;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Optional;
import java.util.UUID;

/**
 * The verified subject's own page: each purpose with their current choice, giving or withdrawing consent (recorded
 * like any other consent event), and the signed receipts of their own events. Everything here needs a verified
 * session; without one the visitor is sent to the start page.
 */
@Path("/privacy/me")
@PermitAll
@PrivacyPage
public class OverviewResource {
    /** A user agent is evidence, not an essay: longer ones are cut before they are encrypted and kept. */
    private static final int MAX_USER_AGENT = 1000;

    private final Visits visits;
    private final Pages pages;
    private final PageRenderer renderer;
    private final PrivacyCenterService center;

    OverviewResource(Visits visits, Pages pages, PageRenderer renderer, PrivacyCenterService center) {
        this.visits = visits;
        this.pages = pages;
        this.renderer = renderer;
        this.center = center;
    }

    @GET
    public Uni<Response> overview(@CookieParam(PrivacySessions.COOKIE) String cookie, @QueryParam("lang") String lang,
                                  @QueryParam("saved") String saved, @QueryParam("filed") String filed,
                                  @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                                  @Context HttpServerRequest request) {
        return visits.verifiedPage(cookie, lang, acceptLanguage, gpc, request,
                visit -> pages.me(visit, 200, saved, filed, null));
    }

    @POST
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> choose(@CookieParam(PrivacySessions.COOKIE) String cookie, @RestForm String csrf,
                                @RestForm String purpose, @RestForm String state, @RestForm String noticeVersion,
                                @RestForm String noticeLanguage, @RestForm String noticeHash,
                                @HeaderParam("User-Agent") String userAgent, @HeaderParam("Accept-Language") String acceptLanguage,
                                @HeaderParam("Sec-GPC") String gpc, @Context HttpServerRequest request) {
        return visits.verifiedForm(cookie, csrf, acceptLanguage, gpc, request, visit -> {
            ConsentState chosen = "GRANTED".equals(state) ? ConsentState.GRANTED
                    : "WITHDRAWN".equals(state) ? ConsentState.WITHDRAWN : null;
            if (chosen == null || purpose == null || purpose.isBlank()) {
                return pages.me(visit, 400, null, null, PrivacyMessages::errorChoice);
            }
            String source = ClientAddress.origin(request) + "/privacy/me";
            String ua = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
            return center.choose(visit.session().email(), purpose, chosen,
                            PrivacyCenterService.NoticeShown.of(noticeVersion, noticeLanguage, noticeHash),
                            new PrivacyCenterService.Evidence(source, ClientAddress.ip(request), ua))
                    .chain(recorded -> renderer.redirect(visit,
                            "/privacy/me?saved=" + recorded.event().receiptId() + "#purpose-" + purpose))
                    .onFailure(e -> e instanceof ProblemException p && (p.type() == ProblemType.UNPROCESSABLE
                            || p.type() == ProblemType.VALIDATION))
                    .recoverWithUni(() -> pages.me(visit, 422, null, null, PrivacyMessages::errorChoice))
                    .onFailure().recoverWithUni(failure -> renderer.failed(visit, failure));
        });
    }

    /** An objection to one purpose (Art. 21), offered only where it applies; anywhere else it is refused (422 page). */
    @POST
    @Path("/objections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> object(@CookieParam(PrivacySessions.COOKIE) String cookie, @RestForm String csrf,
                                @RestForm String purpose, @HeaderParam("Accept-Language") String acceptLanguage,
                                @HeaderParam("Sec-GPC") String gpc, @Context HttpServerRequest request) {
        return visits.verifiedForm(cookie, csrf, acceptLanguage, gpc, request, visit -> {
            if (purpose == null || !purpose.matches(PurposeRequest.KEY_PATTERN)) {
                return pages.me(visit, 400, null, null, PrivacyMessages::errorObjection);
            }
            return center.object(visit.session().email(), purpose)
                    .chain(recorded -> renderer.redirect(visit, "/privacy/me#purpose-" + purpose))
                    .onFailure(e -> e instanceof ProblemException p && (p.type() == ProblemType.UNPROCESSABLE
                            || p.type() == ProblemType.VALIDATION || p.type() == ProblemType.NOT_FOUND))
                    .recoverWithUni(() -> pages.me(visit, 422, null, null, PrivacyMessages::errorObjection))
                    .onFailure().recoverWithUni(failure -> renderer.failed(visit, failure));
        });
    }

    /** The signed receipt of one of the subject's own events; any other is 404. */
    @GET
    @Path("/receipts/{receiptId}")
    public Uni<Response> receipt(@CookieParam(PrivacySessions.COOKIE) String cookie, @PathParam("receiptId") String receiptId,
                                 @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                                 @Context HttpServerRequest request) {
        return visits.verifiedPage(cookie, null, acceptLanguage, gpc, request, visit -> {
            Optional<UUID> id = Pages.uuid(receiptId);
            if (id.isEmpty()) {
                return renderer.message(visit, 404, PrivacyMessages::notfoundTitle, PrivacyMessages::notfoundText);
            }
            return center.receipt(visit.session().email(), id.get())
                    .map(jws -> Response.ok(jws, ReceiptService.MEDIA_TYPE)
                            .header("Content-Disposition", "attachment; filename=\"consent-receipt-" + id.get() + ".jws\"")
                            .build())
                    .onFailure().recoverWithUni(failure -> renderer.failed(visit, failure));
        });
    }
}
