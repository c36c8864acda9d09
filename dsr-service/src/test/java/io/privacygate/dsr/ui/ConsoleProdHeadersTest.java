package io.privacygate.dsr.ui;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's pages are pinned to HTTPS in production (HSTS, RFC 6797): the prod profile's own header settings of
 * application.properties, applied here as they are written, put Strict-Transport-Security on every page and asset
 * under /console, and on nothing else (the bearer APIs are not browsed). Outside prod the console runs over plain
 * HTTP on one machine, where a pinned host would lock the browser out.
 */
@QuarkusTest
@TestProfile(ConsoleProdHeadersTest.ProdHeaders.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleProdHeadersTest {
    static final String HSTS = "Strict-Transport-Security";

    @OidcWireMock
    WireMockServer idp;

    /** Every {@code %prod.quarkus.http.} setting of application.properties, with the profile prefix taken off. */
    public static class ProdHeaders implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Properties properties = new Properties();
            try (InputStream in = ProdHeaders.class.getClassLoader().getResourceAsStream("application.properties")) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> prod = new TreeMap<>();
            properties.stringPropertyNames().stream().filter(key -> key.startsWith("%prod.quarkus.http."))
                    .forEach(key -> prod.put(key.substring("%prod.".length()), properties.getProperty(key)));
            return prod;
        }
    }

    @Test
    void consolePagesAndAssetsPinHttpsForAYear() {
        ConsoleBrowser operator = ConsoleBrowser.signedIn(idp, "Oscar Operator", "privacy-operator");
        for (Response answer : List.of(operator.get("/console"), operator.get("/console/new"),
                operator.get("/console/assets/console.css"))) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.header(HSTS)).isEqualTo("max-age=31536000");
        }
    }

    @Test
    void theApisAndHealthAreNotPages() {
        assertThat(given().auth().oauth2(TestTokens.user("dpo")).get("/api/v1/requests").header(HSTS)).isNull();
        assertThat(given().get("/q/health/ready").header(HSTS)).isNull();
    }
}
