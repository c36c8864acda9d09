package io.privacygate.dsr.ui;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Art. 14(3)(a) in the console (#20 point 4, contract C3), against a stand-in of consent-service's side
 * ({@link ConsentArt14StandIn}): the page lists who must be informed, nearest first, and records one as informed
 * with the operator's own token. The stand-in is used because the consent-service these tests run has no such API yet.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ConsentArt14StandIn.class)
class Art14ConsoleWithConsentStandInTest {
    @OidcWireMock
    WireMockServer idp;

    @Test
    void anOperatorSeesWhoMustBeInformedAndRecordsOneAsInformed() {
        ConsoleBrowser operator = ConsoleBrowser.signedIn(idp, "Oscar Operator", "privacy-operator");
        Response page = operator.get("/console/art14?within=P14D");
        assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
        String html = page.asString();
        assertThat(html).contains("href=\"/console/art14\"").contains(ConsentArt14StandIn.OVERDUE)
                .contains(ConsentArt14StandIn.DUE_SOON).contains("facebook").contains("import")
                .contains("overdue by 4 days").contains("3 days");
        assertThat(html.indexOf(ConsentArt14StandIn.OVERDUE)).as("nearest first, as listed")
                .isLessThan(html.indexOf(ConsentArt14StandIn.DUE_SOON));
        ConsentArt14StandIn.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/subjects/art14-due"))
                .withQueryParam("within", equalTo("P14D"))
                .withHeader("Authorization", matching("Bearer .+")));

        Response informed = operator.post("/console/art14/informed", ConsoleBrowser.csrf(page), Map.of(
                "subjectId", ConsentArt14StandIn.OVERDUE, "means", "reply to the comment", "informedAt",
                "2026-05-01T14:30", "within", "P14D"));
        assertThat(informed.statusCode()).as(informed.asString()).isEqualTo(303);
        assertThat(informed.header("Location")).contains("/console/art14?within=P14D&notice=");
        ConsentArt14StandIn.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/subjects/"
                + ConsentArt14StandIn.OVERDUE + "/art14-informed"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(containing("\"means\":\"reply to the comment\""))
                .withRequestBody(containing("\"informedAt\":\"2026-05-01T14:30:00Z\"")));
    }

    @Test
    void aFormWithoutMeansIsRefusedAndNothingIsSent() {
        ConsoleBrowser operator = ConsoleBrowser.signedIn(idp, "Oscar Operator", "privacy-operator");
        Response page = operator.get("/console/art14");
        Response refused = operator.post("/console/art14/informed", ConsoleBrowser.csrf(page), Map.of(
                "subjectId", ConsentArt14StandIn.DUE_SOON, "means", " "));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("Not recorded").contains("Means");
        ConsentArt14StandIn.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/subjects/"
                + ConsentArt14StandIn.DUE_SOON + "/art14-informed")));
    }

    @Test
    void aCrmAgentIsRefused() {
        ConsoleBrowser agent = ConsoleBrowser.signedIn(idp, "Alex Agent", "crm-agent");
        assertThat(agent.get("/console/art14").statusCode()).isEqualTo(403);
    }
}
