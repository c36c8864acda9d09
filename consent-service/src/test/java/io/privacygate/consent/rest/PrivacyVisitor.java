package io.privacygate.consent.rest;

import io.privacygate.consent.ui.PrivacySessions;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.List;
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
    private static final Pattern CODE = Pattern.compile("(?:Your code|Ihr Code): (\\d+)");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\">");
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

    /** A visitor who proved {@code email} with the code mailed to it, on {@code /privacy/me}. */
    static PrivacyVisitor verified(MockMailbox mailbox, String email) {
        PrivacyVisitor visitor = new PrivacyVisitor();
        visitor.get("/privacy").then().statusCode(200);
        visitor.post("/privacy/code-request", Map.of("email", email)).then().statusCode(303);
        visitor.get("/privacy/code").then().statusCode(200);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        Matcher code = CODE.matcher(mails.get(mails.size() - 1).getText());
        if (!code.find()) {
            throw new AssertionError("no code in the mail");
        }
        visitor.post("/privacy/code", Map.of("code", code.group(1))).then().statusCode(303);
        visitor.get("/privacy/me").then().statusCode(200);
        return visitor;
    }

    /** The hidden fields of the first form of one purpose's article on {@code page}, as a browser would submit them. */
    static Map<String, String> consentForm(String page, String purpose) {
        int start = page.indexOf("id=\"purpose-" + purpose + "\"");
        if (start < 0) {
            throw new AssertionError("no article for " + purpose);
        }
        String form = page.substring(page.indexOf("<form", start), page.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(form);
        while (m.find()) {
            if (!"csrf".equals(m.group(1))) {
                fields.put(m.group(1), m.group(2));
            }
        }
        return fields;
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
