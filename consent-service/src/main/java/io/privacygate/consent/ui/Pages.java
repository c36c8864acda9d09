package io.privacygate.consent.ui;

import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.service.privacycenter.NoticeService;
import io.privacygate.consent.service.privacycenter.PrivacyCenterService;
import io.privacygate.consent.service.privacycenter.PrivacyLabels;
import io.privacygate.consent.service.privacycenter.PrivacyMessages;
import io.privacygate.consent.service.privacycenter.PrivacyTexts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The privacy center's pages that several flows show: the start page, the code form and the subject's own page. */
@ApplicationScoped
class Pages {
    /** Objections are offered per purpose where Art. 21 applies, not as a request about everything. */
    private static final List<String> REQUEST_TYPES =
            List.of("ACCESS", "PORTABILITY", "RECTIFICATION", "ERASURE", "RESTRICTION");

    private final PageRenderer renderer;
    private final NoticeService notices;
    private final PrivacyCenterService center;
    private final PrivacyTexts texts;
    private final ConsentConfig.PrivacyCenter config;
    private final Template index;
    private final Template code;
    private final Template me;

    Pages(PageRenderer renderer, NoticeService notices, PrivacyCenterService center, PrivacyTexts texts,
          ConsentConfig config, @Location("privacy/index.html") Template index,
          @Location("privacy/code.html") Template code, @Location("privacy/me.html") Template me) {
        this.renderer = renderer;
        this.notices = notices;
        this.center = center;
        this.texts = texts;
        this.config = config.privacyCenter();
        this.index = index;
        this.code = code;
        this.me = me;
    }

    /** Every purpose's notice and the address form; {@code error} picks the error shown, or is null. */
    Uni<Response> start(Visit visit, int status, Function<PrivacyMessages, String> error) {
        return notices.notices(visit.session().language()).chain(all -> renderer.render(visit, status, index, Map.of(
                "notices", all,
                "error", error == null ? "" : error.apply(renderer.words(visit)))));
    }

    /** Where the code is entered; {@code error} is the error shown (already in words), or null. */
    Uni<Response> codeForm(Visit visit, int status, String error) {
        return renderer.render(visit, status, code, Map.of("error", error == null ? "" : error,
                "validity", renderer.words(visit).codeValidity(config.codes().ttl().toMinutes())));
    }

    /**
     * The verified subject's choices and requests; {@code saved} and {@code filed} are ids to confirm, if any, and
     * {@code error} picks the error shown, or is null.
     */
    Uni<Response> me(Visit visit, int status, String saved, String filed, Function<PrivacyMessages, String> error) {
        String language = visit.session().language();
        PrivacyMessages words = texts.of(language);
        return center.overview(visit.session().email(), language).chain(overview -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("overview", overview);
            data.put("saved", uuid(saved).map(UUID::toString).orElse(""));
            data.put("filed", uuid(filed).map(UUID::toString).orElse(""));
            data.put("error", error == null ? "" : error.apply(words));
            data.put("requestTypes", requestTypes(words));
            data.put("formKey", UUID.randomUUID().toString());
            return renderer.render(visit, status, me, data);
        }).onFailure().recoverWithUni(failure -> renderer.failed(visit, failure));
    }

    private static List<Map<String, String>> requestTypes(PrivacyMessages words) {
        return REQUEST_TYPES.stream()
                .map(type -> Map.of("value", type, "label", PrivacyLabels.requestType(words, type),
                        "help", PrivacyLabels.requestTypeHelp(words, type)))
                .toList();
    }

    /** An id from a form or a path; anything that is not one is none. */
    static Optional<UUID> uuid(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
