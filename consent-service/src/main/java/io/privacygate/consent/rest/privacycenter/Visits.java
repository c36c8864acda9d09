package io.privacygate.consent.rest.privacycenter;

import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.service.privacycenter.PrivacyTexts;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Opens the visit a request makes: its session from the cookie (or a fresh one), in the language it should see. */
@ApplicationScoped
class Visits {
    private final PrivacySessions sessions;
    private final PrivacyTexts texts;

    Visits(PrivacySessions sessions, PrivacyTexts texts) {
        this.sessions = sessions;
        this.texts = texts;
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
