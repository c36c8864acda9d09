package io.privacygate.consent.ui;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.service.privacycenter.PrivacyMessages;
import io.privacygate.consent.service.verification.PrivacyVerification;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Instant;

/**
 * Proving control of an address: a one-time code is mailed to whatever address is given (known and unknown
 * addresses get the same answer, so nothing can be learnt from asking), then entered here. Only a verified session
 * sees anything about a subject.
 */
@Path("/privacy")
@PermitAll
@PrivacyPage
public class CodeResource {
    private final Visits visits;
    private final Pages pages;
    private final PageRenderer renderer;
    private final PrivacyVerification verification;
    private final ConsentConfig.PrivacyCenter config;

    CodeResource(Visits visits, Pages pages, PageRenderer renderer, PrivacyVerification verification,
                 ConsentConfig config) {
        this.visits = visits;
        this.pages = pages;
        this.renderer = renderer;
        this.verification = verification;
        this.config = config.privacyCenter();
    }

    @POST
    @Path("/code-request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> requestCode(@CookieParam(PrivacySessions.COOKIE) String cookie, @RestForm String csrf,
                                     @RestForm String email, @HeaderParam("Accept-Language") String acceptLanguage,
                                     @HeaderParam("Sec-GPC") String gpc, @Context HttpServerRequest request) {
        return visits.form(cookie, csrf, acceptLanguage, gpc, request, visit -> {
            String normalized;
            try {
                normalized = PrivacyVerification.normalizedEmail(email);
            } catch (ProblemException invalid) {
                return pages.start(visit, 400, PrivacyMessages::errorEmailInvalid);
            }
            Instant now = Timestamps.now();
            return verification.send(normalized, ClientAddress.ip(request), visit.session().language()).chain(sent -> {
                switch (sent.answer()) {
                    case LIMITED:
                        return renderer.message(visit, 429, PrivacyMessages::limitedTitle,
                                PrivacyMessages::limitedText);
                    case LOCKED:
                        return renderer.message(visit, 429, PrivacyMessages::lockedTitle, PrivacyMessages::lockedText);
                    default:
                        break;
                }
                return renderer.redirect(visit.with(visit.session().pending(sent.challengeId(), sent.email(), now)),
                        "/privacy/code");
            }).onFailure().recoverWithUni(failure -> renderer.failed(visit, failure));
        });
    }

    @GET
    @Path("/code")
    public Uni<Response> codePage(@CookieParam(PrivacySessions.COOKIE) String cookie, @QueryParam("lang") String lang,
                                  @HeaderParam("Accept-Language") String acceptLanguage,
                                  @HeaderParam("Sec-GPC") String gpc, @Context HttpServerRequest request) {
        return visits.open(cookie, lang, acceptLanguage, gpc, request).chain(visit -> visit.session().pending()
                ? pages.codeForm(visit, 200, null)
                : renderer.redirect(visit, "/privacy"));
    }

    @POST
    @Path("/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> enterCode(@CookieParam(PrivacySessions.COOKIE) String cookie, @RestForm String csrf,
                                   @RestForm String code, @HeaderParam("Accept-Language") String acceptLanguage,
                                   @HeaderParam("Sec-GPC") String gpc, @Context HttpServerRequest request) {
        return visits.form(cookie, csrf, acceptLanguage, gpc, request, visit -> {
            PrivacySession session = visit.session();
            if (!session.pending()) {
                return renderer.redirect(visit, "/privacy");
            }
            Instant now = Timestamps.now();
            return verification.check(session.challengeId(), session.email(), code == null ? "" : code).chain(check -> {
                switch (check.outcome()) {
                    case VERIFIED:
                        return renderer.redirect(visit.with(session.verifiedAt(now, config.sessionTimeout())),
                                "/privacy/me");
                    case WRONG:
                        return pages.codeForm(visit, 400, renderer.words(visit)
                                .errorCodeWrong(check.attemptsLeft()));
                    case EXPIRED:
                        return pages.start(visit.with(session.signedOut(now)), 400, PrivacyMessages::errorCodeExpired);
                    default:
                        return pages.start(visit.with(session.signedOut(now)), 400,
                                PrivacyMessages::errorCodeExhausted);
                }
            }).onFailure().recoverWithUni(failure -> renderer.failed(visit, failure));
        });
    }
}
