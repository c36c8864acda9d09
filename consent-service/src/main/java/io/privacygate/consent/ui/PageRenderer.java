package io.privacygate.consent.ui;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.consent.service.privacycenter.PrivacyMessages;
import io.privacygate.consent.service.privacycenter.PrivacyTexts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
    PrivacyMessages words(Visit visit) {
        return texts.of(visit.session().language());
    }

    Uni<Response> render(Visit visit, int status, Template template, Map<String, Object> data) {
        PrivacySession session = visit.session();
        String language = session.language();
        // The locale picks the bundle every {privacy:...} expression of the page (and its includes) reads.
        TemplateInstance page = template.instance()
                .setAttribute(MessageBundles.ATTRIBUTE_LOCALE, Locale.forLanguageTag(language))
                .data("lang", language)
                .data("languages", texts.languages().stream()
                        .map(code -> Map.of("code", code, "label", texts.of(code).languageName())).toList())
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

    Uni<Response> message(Visit visit, int status, Function<PrivacyMessages, String> title,
                          Function<PrivacyMessages, String> text) {
        PrivacyMessages words = words(visit);
        return render(visit, status, message, Map.of("title", title.apply(words), "text", text.apply(words),
                "errorId", ""));
    }

    /** A form without the session's CSRF token. */
    Uni<Response> forbidden(Visit visit) {
        return message(visit, 403, PrivacyMessages::csrfTitle, PrivacyMessages::csrfText);
    }

    /** The page for a failure; the unexpected are logged with an id only, which the page shows. */
    Uni<Response> failed(Visit visit, Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return switch (problem.type()) {
                case DEPENDENCY_UNAVAILABLE, KEY_UNAVAILABLE ->
                        message(visit, 503, PrivacyMessages::unavailableTitle, PrivacyMessages::unavailableText);
                case NOT_FOUND -> message(visit, 404, PrivacyMessages::notfoundTitle, PrivacyMessages::notfoundText);
                default -> message(visit, problem.type().status(), PrivacyMessages::failedTitle,
                        PrivacyMessages::failedText);
            };
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("Privacy center failure (%s), error id %s", failure.getClass().getName(), errorId);
        PrivacyMessages words = words(visit);
        return render(visit, 500, message, Map.of("title", words.failedTitle(), "text", words.failedText(),
                "errorId", errorId));
    }
}
