package io.privacygate.consent.rest;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue #18, point 11: in prod the privacy center's pages tell browsers to come back over HTTPS only (RFC 6797),
 * and the JSON APIs, which browsers do not visit, are left as they are. The test runs with the {@code %prod}
 * header settings of {@code application.properties} themselves, not a copy of them.
 */
@QuarkusTest
@TestProfile(StrictTransportSecurityTest.ProdHeaders.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class StrictTransportSecurityTest {
    private static final String HSTS = "Strict-Transport-Security";

    /** The {@code %prod.quarkus.http.header.*} lines of application.properties, applied to the test profile. */
    public static class ProdHeaders implements QuarkusTestProfile {
        static final String PROD_HEADERS = "%prod.quarkus.http.header.";

        @Override
        public Map<String, String> getConfigOverrides() {
            Properties properties = new Properties();
            try (InputStream in = ProdHeaders.class.getResourceAsStream("/application.properties")) {
                properties.load(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return properties.stringPropertyNames().stream().filter(name -> name.startsWith(PROD_HEADERS))
                    .collect(Collectors.toMap(name -> name.substring("%prod.".length()), properties::getProperty));
        }
    }

    @Test
    void prodConfiguresTheHeaderForThePrivacyCenter() {
        assertThat(new ProdHeaders().getConfigOverrides())
                .containsEntry("quarkus.http.header.\"Strict-Transport-Security\".value", "max-age=31536000");
    }

    @Test
    void everyPrivacyCenterPageSendsIt() {
        given().get("/privacy").then().statusCode(200).header(HSTS, equalTo("max-age=31536000"));
        given().get("/privacy/code").then().header(HSTS, equalTo("max-age=31536000"));
        given().get("/privacy/me").then().header(HSTS, equalTo("max-age=31536000"));
        given().get("/privacy/assets/privacy.css").then().statusCode(200).header(HSTS, equalTo("max-age=31536000"));
    }

    @Test
    void theJsonApisDoNot() {
        as(dpo()).get("/api/v1/purposes").then().statusCode(200).header(HSTS, nullValue());
        given().get("/api/v1/receipts/jwks").then().statusCode(200).header(HSTS, nullValue());
        given().get("/q/health/ready").then().header(HSTS, nullValue());
        given().get("/privacyx").then().header(HSTS, nullValue());
    }
}
