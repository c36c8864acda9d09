package io.privacygate.consent.rest;

import io.privacygate.consent.ui.PrivacySessions;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * One browser visiting the privacy center over plain HTTP: it keeps its session cookie, comes from its own IP
 * address (X-Forwarded-For, trusted in tests), and sends the CSRF token of the last page it read with its forms.
 */
final class PrivacyVisitor {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern FORM_KEY = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"");
    final String ip;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String cookie;
    private String lastPage = "";

    PrivacyVisitor() {
        this(randomIp());
    }

    PrivacyVisitor(String ip) {
        this.ip = ip;
    }

    static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    PrivacyVisitor header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Response get(String path) {
        return remember(spec().get(path));
    }

    /** A form post with the CSRF token of the last page read (unless the form gives its own {@code csrf}). */
    Response post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        String token = csrf();
        if (token != null) {
            fields.put("csrf", token);
        }
        fields.putAll(form);
        return remember(spec().contentType("application/x-www-form-urlencoded").formParams(fields).post(path));
    }

    Response postWithoutToken(String path, Map<String, String> form) {
        return remember(spec().contentType("application/x-www-form-urlencoded").formParams(form).post(path));
    }

    String csrf() {
        Matcher m = CSRF.matcher(lastPage);
        return m.find() ? m.group(1) : null;
    }

    String formKey() {
        Matcher m = FORM_KEY.matcher(lastPage);
        return m.find() ? m.group(1) : null;
    }

    String cookie() {
        return cookie;
    }

    String page() {
        return lastPage;
    }

    private RequestSpecification spec() {
        RequestSpecification spec = given().redirects().follow(false).header("X-Forwarded-For", ip).headers(headers);
        return cookie == null ? spec : spec.cookie(PrivacySessions.COOKIE, cookie);
    }

    private Response remember(Response response) {
        String set = response.getCookie(PrivacySessions.COOKIE);
        if (set != null) {
            cookie = set;
        }
        String type = response.getContentType();
        if (type != null && type.startsWith("text/html")) {
            lastPage = response.asString();
        }
        return response;
    }

}
