package io.privacygate.dsr.peers;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.privacygate.dsr.ui.ConsoleBrowser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console pages that read peers, against the real consent-service and audit-service: each call carries the
 * signed-in person's own token, so the peer applies that person's roles.
 */
@QuarkusTest
@TestProfile(WithPeers.class)
class ConsolePeersTest {
    @OidcWireMock
    WireMockServer idp;

    @BeforeAll
    static void register() {
        PeerFixtures.ensurePurposes();
    }

    @Nested
    class SubjectLookup {
        @Test
        void showsConsentPerPurposeWithHistoryReceiptsAndRestriction() {
            String email = PeerFixtures.email();
            UUID subject = PeerFixtures.subject(email, PeerFixtures.facebookId());
            PeerFixtures.grantNewsletter(subject);
            ConsoleBrowser operator = ConsoleBrowser.signedIn(idp, "Oscar Operator", "privacy-operator");
            Response found = operator.post("/console/subjects", ConsoleBrowser.csrf(operator.get("/console/subjects")),
                    Map.of("identifierType", "email", "identifier", email));
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.asString()).contains(subject.toString()).contains(PeerFixtures.NEWSLETTER)
                    .contains("GRANTED").contains("web-form").contains("not restricted")
                    .contains("/console/subjects/receipt?id=");
            String receipt = found.asString().replaceAll("(?s).*/console/subjects/receipt\\?id=([0-9a-f-]{36}).*", "$1");
            Response jws = operator.get("/console/subjects/receipt?id=" + receipt);
            assertThat(jws.statusCode()).isEqualTo(200);
            assertThat(jws.asString().split("\\.")).hasSize(3);
        }

        @Test
        void tellsWhenNobodyIsKnownAndCreatesNobody() {
            String email = PeerFixtures.email();
            ConsoleBrowser operator = ConsoleBrowser.signedIn(idp, "Oscar Operator", "privacy-operator");
            Response answer = operator.post("/console/subjects", ConsoleBrowser.csrf(operator.get("/console/subjects")),
                    Map.of("identifierType", "email", "identifier", email));
            assertThat(answer.asString()).contains("Nobody is known by that identifier");
            PeerFixtures.at(Peers.CONSENT, PeerFixtures.operator())
                    .body(Map.of("identifiers", java.util.List.of(Map.of("type", "email", "value", email))))
                    .post("/api/v1/subjects/lookup").then().statusCode(404);
        }
    }

    @Nested
    class Purposes {
        @Test
        void theDpoSeesTheRegisterSavesANewVersionAndDownloadsTheRopa() {
            ConsoleBrowser dpo = ConsoleBrowser.signedIn(idp, "Dana Dpo", "dpo");
            Response list = dpo.get("/console/purposes?edit=" + PeerFixtures.SOCIAL);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.asString()).contains(PeerFixtures.NEWSLETTER).contains("New version of " + PeerFixtures.SOCIAL);
            int before = PeerFixtures.at(Peers.CONSENT, PeerFixtures.dpo()).get("/api/v1/purposes/" + PeerFixtures.SOCIAL)
                    .then().statusCode(200).extract().path("version");
            Map<String, String> form = new java.util.HashMap<>(Map.of("key", PeerFixtures.SOCIAL, "title", "Social engagement",
                    "legalBasis", "LEGITIMATE_INTERESTS", "dataCategories", "name, message-content", "retention", "P1Y",
                    "recipients", PeerFixtures.SOCIAL_RECIPIENT, "channels", "facebook"));
            Response saved = dpo.post("/console/purposes", ConsoleBrowser.csrf(list), form);
            assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
            PeerFixtures.at(Peers.CONSENT, PeerFixtures.dpo()).get("/api/v1/purposes/" + PeerFixtures.SOCIAL).then()
                    .statusCode(200).body("version", org.hamcrest.Matchers.equalTo(before + 1));
            Response ropa = dpo.get("/console/purposes/ropa.csv");
            assertThat(ropa.statusCode()).isEqualTo(200);
            assertThat(ropa.contentType()).startsWith("text/csv");
            assertThat(ropa.asString()).contains(PeerFixtures.NEWSLETTER);
        }

        @Test
        void aRefusedFormIsShownAgainWithWhy() {
            ConsoleBrowser dpo = ConsoleBrowser.signedIn(idp, "Dana Dpo", "dpo");
            String csrf = ConsoleBrowser.csrf(dpo.get("/console/purposes"));
            Response refused = dpo.post("/console/purposes", csrf, Map.of("key", "x", "title", "", "retention", ""));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.asString()).contains("Not saved");
        }
    }

    @Nested
    class Audit {
        @Test
        void showsTheSignedCheckpointVerifiesTheLogAndProvesAnEntry() {
            PeerFixtures.at(Peers.AUDIT, PeerFixtures.dpo()).post("/api/v1/checkpoints").then().statusCode(org.hamcrest.Matchers.isOneOf(200, 201));
            ConsoleBrowser auditor = ConsoleBrowser.signedIn(idp, "Ada Auditor", "auditor");
            Response page = auditor.get("/console/audit?entry=0");
            assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
            assertThat(page.asString()).contains("id=\"tree-size\"").contains("signature verified here")
                    .contains("Entry 0 is in the signed tree");
            Response verified = auditor.post("/console/audit/verification", ConsoleBrowser.csrf(page), Map.of());
            assertThat(verified.statusCode()).isEqualTo(200);
            assertThat(verified.asString()).contains("Valid:");
        }

        @Test
        void theDpoSeesARequestsAuditTrailFromTheLog() {
            String email = PeerFixtures.email();
            UUID subject = PeerFixtures.subject(email, PeerFixtures.facebookId());
            PeerFixtures.grantNewsletter(subject);
            String id = PeerFixtures.file("ACCESS", PeerFixtures.byEmail(email)).extract().path("id");
            PeerFixtures.attest(id);
            PeerFixtures.awaitStatus(id, "COMPLETED", Duration.ofSeconds(60));
            ConsoleBrowser dpo = ConsoleBrowser.signedIn(idp, "Dana Dpo", "dpo");
            PeerFixtures.await("the request's events in audit-service", Duration.ofSeconds(30), () ->
                    dpo.get("/console/request?id=" + id).asString().contains("dsr.request.completed"));
            Response zip = dpo.get("/console/request/export?id=" + id);
            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(zip.contentType()).isEqualTo("application/zip");
        }
    }
}
