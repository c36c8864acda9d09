package io.privacygate.consent.service.privacycenter;

import io.privacygate.consent.config.ConsentConfig;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The privacy center's languages and their words ({@link PrivacyMessages}). A language is offered if it is configured
 * ({@code privacy-gate.consent.privacy-center.languages}); one without a bundle stops the service at start, so a typo
 * is not found by a visitor. The first configured one is the default, chosen also when a browser asks for none we
 * have.
 */
@Startup
@ApplicationScoped
public class PrivacyTexts {
    private final Map<String, PrivacyMessages> bundles = new LinkedHashMap<>();

    PrivacyTexts(ConsentConfig config, @Any Instance<PrivacyMessages> localized) {
        for (String language : config.privacyCenter().languages()) {
            String code = language.trim().toLowerCase(Locale.ROOT);
            Instance<PrivacyMessages> bundle = localized.select(Localized.Literal.of(code));
            if (!bundle.isResolvable()) {
                throw new IllegalStateException("privacy-gate.consent.privacy-center.languages names '" + code
                        + "', which has no messages/privacy_" + code + ".properties");
            }
            bundles.putIfAbsent(code, bundle.get());
        }
        if (bundles.isEmpty()) {
            throw new IllegalStateException("privacy-gate.consent.privacy-center.languages names no language");
        }
    }

    public List<String> languages() {
        return List.copyOf(bundles.keySet());
    }

    public String defaultLanguage() {
        return bundles.keySet().iterator().next();
    }

    public boolean offers(String language) {
        return language != null && bundles.containsKey(language);
    }

    /** The language asked for, else the best of the browser's {@code Accept-Language}, else the default. */
    public String choose(String asked, String acceptLanguage) {
        if (offers(asked)) {
            return asked;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String primary = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (offers(primary)) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // A malformed header asks for nothing.
            }
        }
        return defaultLanguage();
    }

    /** The words of a language; a language not offered gets the default's. */
    public PrivacyMessages of(String language) {
        return bundles.getOrDefault(language, bundles.get(defaultLanguage()));
    }
}
