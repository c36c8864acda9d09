package io.privacygate.consent.service.privacycenter;

import io.privacygate.consent.config.ConsentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the privacy center's pages, per language, from {@code privacy/texts_<language>.properties}
 * (UTF-8). A language is offered only if it is configured and has a file; the first configured one is the
 * default, chosen also when a browser asks for none we have.
 */
@ApplicationScoped
public class PrivacyTexts {
    private static final Pattern ISO_DURATION = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");
    private static final String[] UNITS = {"year", "month", "week", "day", "hour", "minute", "second"};
    private final Map<String, Map<String, String>> texts = new HashMap<>();
    private final List<String> languages = new ArrayList<>();

    @Inject
    PrivacyTexts(ConsentConfig config) {
        this(config.privacyCenter().languages());
    }

    PrivacyTexts(List<String> configured) {
        for (String language : configured) {
            String code = language.trim().toLowerCase(Locale.ROOT);
            Map<String, String> loaded = load(code);
            if (loaded != null && !languages.contains(code)) {
                languages.add(code);
                texts.put(code, loaded);
            }
        }
        if (languages.isEmpty()) {
            throw new IllegalStateException("privacy-gate.consent.privacy-center.languages names no language with texts");
        }
    }

    public List<String> languages() {
        return List.copyOf(languages);
    }

    public String defaultLanguage() {
        return languages.get(0);
    }

    public boolean offers(String language) {
        return language != null && texts.containsKey(language);
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

    public Map<String, String> of(String language) {
        return texts.getOrDefault(language, texts.get(defaultLanguage()));
    }

    public String text(String language, String key) {
        return of(language).getOrDefault(key, key);
    }

    /** "P1Y6M" as "1 year, 6 months" (or "1 Jahr, 6 Monate"); a value that is not a duration as it is. */
    public String retention(String iso, String language) {
        Matcher m = iso == null ? null : ISO_DURATION.matcher(iso);
        if (m == null || !m.matches()) {
            return iso;
        }
        List<String> parts = new ArrayList<>();
        for (int group = 1; group <= UNITS.length; group++) {
            String amount = m.group(group);
            if (amount != null && Double.parseDouble(amount) > 0) {
                boolean one = amount.equals("1");
                parts.add(amount + " " + text(language, "unit." + UNITS[group - 1] + (one ? ".one" : ".other")));
            }
        }
        return parts.isEmpty() ? iso : String.join(", ", parts);
    }

    private static Map<String, String> load(String language) {
        String resource = "privacy/texts_" + language + ".properties";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new HashMap<>();
            properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
