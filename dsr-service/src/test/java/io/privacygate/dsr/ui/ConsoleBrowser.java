package io.privacygate.dsr.ui;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.privacygate.testing.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser, as far as the console can tell: it keeps cookies, follows no redirect by itself, and signs in
 * through the authorization code flow. The identity provider is OidcWiremockTestResource; its token endpoint is
 * stubbed per sign-in to answer this person's tokens (a signed ID token for operator-console and an access token
 * with their roles), as Keycloak would after its login page.
 */
public final class ConsoleBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** A browser that has not signed in. */
    public static ConsoleBrowser anonymous() {
        return new ConsoleBrowser();
    }

    /** Signs in as a person with these realm roles, through the code flow with PKCE. */
    public static ConsoleBrowser signedIn(WireMockServer idp, String name, String... roles) {
        ConsoleBrowser browser = new ConsoleBrowser();
        Response challenge = browser.get("/console");
        assertThat(challenge.statusCode()).as("an unauthenticated page redirects to sign in").isEqualTo(302);
        URI authorize = URI.create(challenge.header("Location"));
        Map<String, String> query = query(authorize.getRawQuery());
        assertThat(query).containsEntry("client_id", "operator-console").containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsKey("code_challenge").containsKey("state");
        String code = "code-" + UUID.randomUUID();
        idp.stubFor(WireMock.post("/auth/realms/quarkus/token")
                .withRequestBody(WireMock.containing("code=" + code))
                .withRequestBody(WireMock.containing("code_verifier="))
                .atPriority(1)
                .willReturn(WireMock.okJson("{\"access_token\":\"" + TestTokens.user(roles) + "\",\"id_token\":\""
                        + idToken(name, roles) + "\",\"token_type\":\"Bearer\",\"expires_in\":600}")));
        Response callback = browser.get(URI.create(query.get("redirect_uri")).getPath() + "?code=" + code + "&state="
                + query.get("state"));
        assertThat(callback.statusCode()).as("the callback completes the sign-in: %s", callback.asString()).isEqualTo(302);
        assertThat(browser.cookies).as("a session cookie").anySatisfy((cookie, value) -> assertThat(cookie).startsWith("q_session"));
        return browser;
    }

    private static String idToken(String name, String... roles) {
        return Jwt.preferredUserName("demo-user")
                .subject(UUID.nameUUIDFromBytes(String.join(",", roles).getBytes()).toString())
                .claim("name", name)
                .audience("operator-console")
                .issuer("https://server.example.com")
                .expiresIn(600)
                .jws().keyId("1")
                .sign();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2)).forEach(pair -> values.put(
                URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
        return values;
    }

    RequestSpecification spec() {
        return given().redirects().follow(false).cookies(cookies);
    }

    public Response get(String path) {
        return keep(spec().urlEncodingEnabled(false).get(path));
    }

    /** Posts a form as the page's own form does: with the CSRF token of the page it was on. */
    public Response post(String path, String csrfToken, Map<String, String> form) {
        RequestSpecification request = spec().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        if (csrfToken != null) {
            request.formParam("csrf-token", csrfToken);
        }
        form.forEach(request::formParam);
        return keep(request.post(path));
    }

    /** The CSRF token a page's forms carry. */
    public static String csrf(Response page) {
        Matcher matcher = CSRF.matcher(page.asString());
        assertThat(matcher.find()).as("the page has a form with a CSRF token").isTrue();
        return matcher.group(1);
    }

    private Response keep(Response response) {
        response.getDetailedCookies().forEach(cookie -> {
            if (cookie.hasMaxAge() && cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
        return response;
    }
}
