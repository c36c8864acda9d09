package io.privacygate.consent.ui;

import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.service.privacycenter.PrivacyTexts;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.function.Function;

/**
 * Opens the visit a request makes: its session from the cookie (or a fresh one), in the language it should see; and
 * the gates every form and every subject's page goes through (CSRF token, verification).
 */
@ApplicationScoped
class Visits {
    private final PrivacySessions sessions;
    private final PrivacyTexts texts;
    private final PageRenderer renderer;

    Visits(PrivacySessions sessions, PrivacyTexts texts, PageRenderer renderer) {
        this.sessions = sessions;
        this.texts = texts;
        this.renderer = renderer;
    }

    /** A form: refused with the 403 page unless it carries the session's CSRF token. */
    Uni<Response> form(String cookie, String csrf, String acceptLanguage, String gpc, HttpServerRequest request,
                       Function<Visit, Uni<Response>> handle) {
        return open(cookie, null, acceptLanguage, gpc, request)
                .chain(visit -> Csrf.matches(visit.session(), csrf) ? handle.apply(visit) : renderer.forbidden(visit));
    }

    /** A verified subject's form: the CSRF check first, then the verification's. */
    Uni<Response> verifiedForm(String cookie, String csrf, String acceptLanguage, String gpc, HttpServerRequest request,
                               Function<Visit, Uni<Response>> handle) {
        return form(cookie, csrf, acceptLanguage, gpc, request, visit -> verified(visit, handle));
    }

    /** A verified subject's page. */
    Uni<Response> verifiedPage(String cookie, String lang, String acceptLanguage, String gpc, HttpServerRequest request,
                               Function<Visit, Uni<Response>> handle) {
        return open(cookie, lang, acceptLanguage, gpc, request).chain(visit -> verified(visit, handle));
    }

    /** Nothing about a subject before the code is entered: an unverified visitor is sent to the start page. */
    private Uni<Response> verified(Visit visit, Function<Visit, Uni<Response>> handle) {
        return visit.session().verified() ? handle.apply(visit) : renderer.redirect(visit, "/privacy");
    }

    /** {@code ?lang=} chooses the language, else the session's, else the browser's {@code Accept-Language}. */
    Uni<Visit> open(String cookie, String lang, String acceptLanguage, String gpc, HttpServerRequest request) {
        Instant now = Timestamps.now();
        return sessions.open(cookie, now).map(open -> {
            PrivacySession session = open.orElseGet(() -> PrivacySession.fresh(texts.choose(lang, acceptLanguage), now));
            if (lang != null && texts.offers(lang) && !lang.equals(session.language())) {
                session = session.withLanguage(lang);
            } else if (!texts.offers(session.language())) {
                session = session.withLanguage(texts.defaultLanguage());
            }
            return new Visit(session, "1".equals(gpc == null ? null : gpc.trim()), ClientAddress.https(request));
        });
    }
}
