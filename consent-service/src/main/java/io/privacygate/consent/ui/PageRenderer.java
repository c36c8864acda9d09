package io.privacygate.consent.ui;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.consent.service.privacycenter.PrivacyTexts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a visit into an answer: a page rendered from its Qute template in the session's language, or a redirect;
 * either way the session goes back sealed in its cookie. Failures become pages too, never problem+json or stack
 * traces.
 */
@ApplicationScoped
class PageRenderer {
    private static final Logger LOG = Logger.getLogger(PageRenderer.class);
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private final PrivacySessions sessions;
    private final PrivacyTexts texts;
    private final Template message;

    PageRenderer(PrivacySessions sessions, PrivacyTexts texts, @Location("privacy/message.html") Template message) {
        this.sessions = sessions;
        this.texts = texts;
        this.message = message;
    }

    /** The words of the session's language, for pages that put them together themselves. */
    String text(Visit visit, String key) {
        return texts.text(visit.session().language(), key);
    }

    Uni<Response> render(Visit visit, int status, Template template, Map<String, Object> data) {
        PrivacySession session = visit.session();
        String language = session.language();
        TemplateInstance page = template.instance()
                .data("t", texts.of(language))
                .data("lang", language)
                .data("languages", texts.languages().stream()
                        .map(code -> Map.of("code", code, "label", texts.text(code, "language_name"))).toList())
                .data("gpc", visit.gpc())
                .data("csrf", session.csrf())
                .data("verified", session.verified())
                .data("pending", session.pending());
        data.forEach(page::data);
        String html = page.render();
        return sessions.seal(session).map(sealed -> Response.status(status).entity(html).type(HTML)
                .cookie(sessions.cookie(sealed, visit.https())).build());
    }

    Uni<Response> redirect(Visit visit, String location) {
        return sessions.seal(visit.session()).map(sealed -> Response.seeOther(URI.create(location))
                .cookie(sessions.cookie(sealed, visit.https())).build());
    }

    Uni<Response> message(Visit visit, int status, String titleKey, String textKey) {
        return render(visit, status, message, Map.of("title", text(visit, titleKey), "text", text(visit, textKey),
                "errorId", ""));
    }

    /** A form without the session's CSRF token. */
    Uni<Response> forbidden(Visit visit) {
        return message(visit, 403, "csrf_title", "csrf_text");
    }

    /** The page for a failure; the unexpected are logged with an id only, which the page shows. */
    Uni<Response> failed(Visit visit, Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return switch (problem.type()) {
                case DEPENDENCY_UNAVAILABLE, KEY_UNAVAILABLE -> message(visit, 503, "unavailable_title", "unavailable_text");
                case NOT_FOUND -> message(visit, 404, "notfound_title", "notfound_text");
                default -> message(visit, problem.type().status(), "failed_title", "failed_text");
            };
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("Privacy center failure (%s), error id %s", failure.getClass().getName(), errorId);
        return render(visit, 500, message, Map.of("title", text(visit, "failed_title"),
                "text", text(visit, "failed_text"), "errorId", errorId));
    }
}
