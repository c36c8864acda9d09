package io.privacygate.consent.rest;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.auditor;
import static io.privacygate.consent.rest.Fixtures.createConsentPurpose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * Art. 30(1), every item (#20 point 9): (a) controller and DPO contacts, (b) purposes, (c) categories of data subjects,
 * (d) categories of data and recipients, (e) transfers to third countries with their safeguards, (f) time limits for
 * erasure, (g) a general description of the security measures; from configuration (application.properties, and one
 * transfer in the test profile) and the purpose register.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class Art30RopaTest {

    @Test
    void theJsonCarriesEveryItem() {
        String key = createConsentPurpose("1");
        as(auditor()).accept("application/json").get("/api/v1/ropa").then().statusCode(200)
                .body("controller.name", equalTo("Privacy Gate (development)"))
                .body("controller.contact", not(emptyOrNullString()))
                .body("dpo.contact", equalTo("dpo@privacy-gate.invalid"))
                .body("subjectCategories", hasItem("customers"))
                .body("transfers[0].recipient", equalTo("mailer-inc"))
                .body("transfers[0].country", equalTo("US"))
                .body("transfers[0].safeguard", containsString("2021/914"))
                .body("securityMeasures", containsString("encrypted at rest"))
                .body("erasureTimeLimits.find { it.data.startsWith('activity " + key + ":') }.limit", equalTo("P2Y"))
                .body("erasureTimeLimits.find { it.data.startsWith('people resolved') }.limit", equalTo("PT24H"))
                .body("activities.find { it.key == '" + key + "' }.recipients", hasItem("Mailer Ltd"))
                .body("activities.find { it.key == '" + key + "' }.dataCategories", hasItem("email"));
    }

    @Test
    void theCsvCarriesThemOnEveryRow() {
        String key = createConsentPurpose("1");
        String csv = as(auditor()).accept("text/csv").get("/api/v1/ropa").then().statusCode(200).extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow())
                .contains("dpoContact", "subjectCategories", "transfers", "securityMeasures");
        assertThat(csv.lines().filter(line -> line.contains("," + key + ",")).findFirst().orElseThrow())
                .contains("dpo@privacy-gate.invalid", "mailer-inc (US, Standard contractual clauses");
    }
}
